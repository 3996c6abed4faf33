/** opencc-js ships types for its converters only; a dictionary module is one string of "from to|…" entries. */
declare module 'opencc-js/dict/TSCharacters' {
  const dictionary: string;
  export default dictionary;
}
