// Stands in for @types/node in layers that run without Node (renderer/, shared/): some browser
// libraries' typings (docx, undici-types) say `/// <reference types="node" />`, which would
// otherwise pull Buffer, process and require into the whole program. Deliberately empty.
export {};
