// Jest counterpart of webpack's `asset/source` rule: a .csv import is its text.
module.exports = {
  process(source) {
    return { code: `module.exports = ${JSON.stringify(source)};` };
  },
};
