/** Vite's `?url` imports: the emitted file's URL on our own origin. */
declare module '*?url' {
  const url: string;
  export default url;
}
