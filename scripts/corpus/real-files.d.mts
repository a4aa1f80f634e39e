export declare const ROOT: string;
export interface RealFileSource {
  /** Relative to the repository root. */
  readonly dir: string;
  /** Which file names to keep. */
  readonly ext: RegExp;
}
export declare function realFiles(options: {
  readonly sources: readonly RealFileSource[];
  readonly cap: number;
  readonly maxBytes: number;
  readonly skipDirs?: readonly string[];
}): string[];
export declare const PACKAGE_MODULE_SOURCES: readonly RealFileSource[];
export declare const DUPLICATE_BUILD_DIRS: readonly string[];
