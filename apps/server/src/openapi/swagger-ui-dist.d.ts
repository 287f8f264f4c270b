// swagger-ui-dist ships no types. Its absolute-path entry is imported rather than found with
// require.resolve: webpack turns require.resolve into a module id, and Nx sees the import, so the
// package lands in the generated package.json of the build.
declare module 'swagger-ui-dist/absolute-path' {
  /** The package's folder on disk, where swagger-ui-bundle.js and swagger-ui.css are. */
  function getAbsoluteFSPath(): string;
  export = getAbsoluteFSPath;
}
