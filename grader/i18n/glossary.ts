// One Chinese term per concept. Every Chinese text a learner reads (the catalogue, the READMEs, the
// starters' comments) uses `zh` for the concept, never one of `not`: grader/test/languages.test.ts
// checks it. A word that is right in one sense and wrong in another (服务 "to serve" is fine, 服务
// for "the server" is not) is forbidden only in the shapes that mean the wrong thing.

export interface Term {
  /** The concept, in English as the catalogue en.ts says it. */
  readonly en: string;
  /** The one Chinese term for it. */
  readonly zh: string;
  /** Variants not to use, as patterns (a plain word, or a shape in which the word means the concept). */
  readonly not: readonly RegExp[];
  /** When to use it, where that is not obvious. */
  readonly note?: string;
}

export const GLOSSARY: readonly Term[] = [
  {
    en: 'server',
    zh: '服务器',
    // 服务 alone is the verb "to serve" (服务一个客户端); as a noun for the server it is the wrong term.
    not: [/服务端/, /一次性服务(?!器)/, /被测服务(?!器)/, /的服务(?![器完一多许])/],
  },
  { en: 'client', zh: '客户端', not: [/客户机/, /用户端/] },
  { en: 'connection', zh: '连接', not: [/链接/] },
  { en: 'exit status', zh: '退出状态', not: [/退出码/, /退出代码/, /返回码/] },
  {
    en: 'a property holds / fails',
    zh: '成立 / 不成立',
    note: 'a property (评分项) 成立 or 不成立; a stage, a submission or a learner 通过',
    not: [/项未通过/, /未通过的(评分)?项/, /项通过/],
  },
  { en: 'a stage passed', zh: '通过', not: [/阶段成立/] },
  {
    en: 'the wire story (what each client sent and got, with times)',
    zh: '通信记录',
    not: [/线路上发生的事/, /线路上的事/],
  },
  { en: 'hint', zh: '提示', not: [/提醒/, /线索/] },
  { en: 'the lab (Socket Lab itself)', zh: '实验室', not: [/本实验(?!室)/, /这个实验(?!室)/, /实验自带/] },
  { en: 'an "error" listener', zh: '监听器', not: [/监听者/] },
  { en: 'reset (RST; also npm run reset)', zh: '重置', not: [/复位/] },
  { en: 'seed', zh: 'seed', note: 'kept as is: it is the word --seed and every report prints', not: [/种子/] },
];

/** The terms a Chinese text uses wrongly: "服务端 (server: 服务器)" for each variant found. */
export function misusedTerms(text: string): string[] {
  return GLOSSARY.flatMap((term) =>
    term.not.flatMap((pattern) => {
      const found = text.match(pattern);
      return found ? [`${found[0]} (${term.en}: ${term.zh})`] : [];
    }),
  );
}

/**
 * Half-width punctuation in Chinese text: a `:` `,` `;` `?` `!` or `)` right after a Chinese character,
 * or a `(` right before one (with or without a space). Chinese uses ：，；？！（）. Code, commands and
 * quoted bytes after ASCII are left alone.
 */
export function halfWidthInChinese(text: string): string[] {
  return [...text.matchAll(/[\u4e00-\u9fff][:,;?!)]|\( ?[\u4e00-\u9fff]/gu)].map((m) => m[0]);
}
