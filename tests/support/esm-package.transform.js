// Jest on Node 20 cannot require an ES module (Node itself can since 20.19): the ESM-only
// packages listed in jest.config.js (@nestjs/terminus 12) are turned into CommonJS here,
// with their few uses of import.meta mapped to CommonJS equivalents.
const ts = require('typescript');

module.exports = {
  process(source, path) {
    const commonJs = source
      // createRequire(import.meta.url) shadows CommonJS's own `require`: use that one.
      .replace(/^\s*const require = createRequire\(import\.meta\.url\);?$/m, '')
      .replace(/import\.meta\.url/g, "require('node:url').pathToFileURL(__filename).href")
      .replace(/import\.meta\.resolve\(/g, 'require.resolve(')
      .replace(/import\.meta\.dirname/g, '__dirname');
    const { outputText } = ts.transpileModule(commonJs, {
      fileName: path,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        allowJs: true,
      },
    });
    return { code: outputText };
  },
};
