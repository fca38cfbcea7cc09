/** CSV files are bundled as text (esbuild's text loader; a Vite plugin in tests). */
declare module '*.csv' {
  const text: string;
  export default text;
}
