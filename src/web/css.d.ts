// Vite bundles plain CSS files imported for their side effects; TypeScript only needs to know they exist.
declare module "*.css";
