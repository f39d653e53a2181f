// Babel for the Taro app (the root babel.config.js is for the Node side and Jest).
// JSX is compiled by ./tools/babel-jsx-esbuild.js (see why there); `framework` is therefore not
// 'react' here, which only tells babel-preset-taro not to load @babel/preset-react.
module.exports = {
  presets: [['taro', { framework: 'react-jsx-by-esbuild', ts: true, compiler: 'webpack5' }]],
  plugins: [require.resolve('./tools/babel-jsx-esbuild.js')],
};
