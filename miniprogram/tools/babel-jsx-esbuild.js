// JSX transform for the Taro build without @babel/preset-react.
//
// Why: babel-preset-taro with `framework: 'react'` requires @babel/preset-react, a peer dependency
// that is not installed at the root (and we do not add packages). esbuild (installed) compiles
// JSX exactly like React's automatic runtime, so this plugin pre-compiles .tsx/.jsx files of
// src/ with esbuild inside Babel's parser hook and hands plain JS back to Babel; babel-preset-taro
// then does everything else (preset-env, runtime helpers, Taro's own plugins) as usual.
const path = require('path');
const esbuild = require('esbuild');

const srcRoot = path.resolve(__dirname, '..', 'src') + path.sep;

module.exports = function jsxByEsbuild() {
  return {
    name: 'linkshelf-jsx-by-esbuild',
    parserOverride(code, parserOpts, parse) {
      const file = parserOpts.sourceFileName || '';
      const abs = path.resolve(file);
      if (!abs.startsWith(srcRoot) || !/\.[jt]sx$/.test(abs)) return undefined;
      const out = esbuild.transformSync(code, {
        loader: abs.endsWith('.tsx') ? 'tsx' : 'jsx',
        jsx: 'automatic',
        jsxImportSource: 'react',
        target: 'esnext',
        sourcefile: abs,
      });
      return parse(out.code, parserOpts);
    },
  };
};
