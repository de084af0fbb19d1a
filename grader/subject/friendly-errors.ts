// Start-up errors a learner is likely to meet, recognised in the server's stderr and explained in plain
// words. Data, not branches: add a row when a new one turns up.
import type { Text } from '../i18n/text.ts';

interface FriendlyError {
  pattern: RegExp;
  explain: Text;
}

const TABLE: FriendlyError[] = [
  {
    pattern: /Top-level await is currently not supported with the "cjs" output format/,
    explain: {
      en: 'This file is loaded as CommonJS, where top-level await is not allowed: no package.json with "type": "module" is near it. Rename it to .mts, or put {"type": "module"} in a package.json in its folder.',
      zh: '这个文件被当作 CommonJS 加载，而 CommonJS 不允许顶层 await：它附近没有写着 "type": "module" 的 package.json。把它改名为 .mts，或在它所在的文件夹放一个内容为 {"type": "module"} 的 package.json。',
    },
  },
  {
    pattern: /SyntaxError|TransformError|Transform failed/,
    explain: {
      en: 'Your server does not compile: the error below names the file and line.',
      zh: '你的服务器代码无法编译：下面的错误给出了文件和行号。',
    },
  },
  {
    pattern: /ERR_MODULE_NOT_FOUND|Cannot find module|Cannot find package|ModuleNotFoundError/,
    explain: {
      en: 'Something your server imports could not be found: check the import path (relative imports need ./ and, in ESM, the file extension).',
      zh: '你的服务器导入的东西找不到：检查导入路径（相对导入需要 ./，在 ESM 中还需要文件扩展名）。',
    },
  },
  {
    pattern: /ERR_SOCKET_BAD_PORT|Port should be >= 0 and < 65536/,
    explain: {
      en: 'listen() got no valid port: read it from the PORT environment variable as a number, Number(process.env.PORT).',
      zh: 'listen() 没有拿到有效的端口：从环境变量 PORT 读取并转成数字，Number(process.env.PORT)。',
    },
  },
];

/** The explanation of the first known error in this output, if any. */
export function explainStartupError(stderr: string): Text | null {
  return TABLE.find((row) => row.pattern.test(stderr))?.explain ?? null;
}
