/** The part of mammoth (no bundled types) that tests use to read .docx files back. */
declare module 'mammoth' {
  interface MammothResult {
    value: string;
    messages: { type: string; message: string }[];
  }
  type MammothInput = { buffer: Buffer } | { path: string } | { arrayBuffer: ArrayBuffer };
  export function extractRawText(input: MammothInput): Promise<MammothResult>;
  export function convertToHtml(input: MammothInput): Promise<MammothResult>;
  const mammoth: { extractRawText: typeof extractRawText; convertToHtml: typeof convertToHtml };
  export default mammoth;
}
