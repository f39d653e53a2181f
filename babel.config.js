// Jest (babel-jest) for the Node side: TypeScript stripped, modules to CommonJS for Node 20.
// The Taro app under miniprogram/ has its own babel.config.js (babel-preset-taro).
module.exports = {
  presets: [
    ['@babel/preset-env', { targets: { node: '20' } }],
    '@babel/preset-typescript',
  ],
};
