export declare const VENDORED_FILES: { readonly esm: string; readonly cjs: string; readonly declarations: string };
export declare function buildVendoredRuntime(root: string, outDir: string): string;
