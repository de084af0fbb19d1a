import type { Property } from './property.ts';

export const listens: Property = {
  id: 'listens',
  title: { en: 'a client can connect to PORT', zh: '客户端能连上 PORT 端口' },
  hints: [
    {
      en: 'Start your server by hand with PORT=5000 and connect to it: does it print an error? Does it stay up?',
      zh: '用 PORT=5000 手动启动你的服务器再连上去：它报错了吗？它一直在运行吗？',
    },
    {
      en: 'Listen on the port from the environment: server.listen(Number(process.env.PORT)). Leave the host out to accept on every address.',
      zh: '监听环境变量给出的端口：server.listen(Number(process.env.PORT))。不写 host 就会在所有地址上接受连接。',
    },
  ],
  async check(h) {
    const a = await h.connect('A');
    a.leave();
  },
};
