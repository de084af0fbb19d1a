// The flags of `npm run client`, once: parseArgs's options and the usage are derived from this table
// (see cli/flag-table.ts).
import type { Flag } from '../cli/flag-table.ts';

/** running: talk to a server already running. start: which server to start (one at most). */
type Group = 'running' | 'start' | 'common' | 'meta';

export const CLIENT_FLAGS = {
  port: {
    type: 'string',
    group: 'running',
    value: { en: '<port>', zh: '<端口>' },
    help: {
      en: 'talk to a server already running on this port (host 127.0.0.1 by default)',
      zh: '连接一个已经在这个端口上运行的服务器（主机默认 127.0.0.1）',
    },
  },
  host: { type: 'string', group: 'running', value: { en: '<host>', zh: '<主机>' } },
  solution: {
    type: 'boolean',
    group: 'start',
    help: { en: 'start the reference solution instead', zh: '改为启动参考答案' },
  },
  file: {
    type: 'string',
    group: 'start',
    value: { en: '<path>', zh: '<路径>' },
    help: { en: 'start any .ts/.js/.mjs/.py server file instead', zh: '改为启动任意 .ts/.js/.mjs/.py 服务器文件' },
  },
  lang: {
    type: 'string',
    group: 'common',
    value: { en: 'en|zh', zh: 'en|zh' },
    help: { en: 'the language of the client (default: from LANG/LC_ALL)', zh: '客户端的语言（默认取自 LANG/LC_ALL）' },
  },
  help: { type: 'boolean', short: 'h', group: 'meta' },
} as const satisfies Record<string, Flag<Group>>;
