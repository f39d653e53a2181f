// Babel for the Taro app (the root babel.config.js is for the Node side and Jest).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
