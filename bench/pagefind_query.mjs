// Run one Pagefind search against a built site from Node, as the browser would, and report
// what it downloaded.  Used by bench/run.py (first-search bytes) and tests/test_fulltext.py.
//
//   node bench/pagefind_query.mjs SITE_DIR "words to search"
//
// Prints JSON: {count, filters, results: [{url, title, meta, excerpt}] (first 5), files: [[path, bytes]]}.
// `files` lists every file of the bundle the search fetched (entry, meta, WebAssembly, index chunks,
// filters, fragments); pagefind.js itself is imported from disk and not listed.  Needs Node 18+.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [site, query] = process.argv.slice(2);
if (!site || query === undefined) {
  console.error("usage: node pagefind_query.mjs SITE_DIR QUERY");
  process.exit(2);
}

// Serve the bundle from disk through fetch, counting what is asked for
const fetched = [];
globalThis.fetch = async (url) => {
  const address = new URL(url, "http://site.invalid/pagefind/");
  const file = path.join(site, decodeURIComponent(address.pathname));
  const body = await readFile(file);
  fetched.push([address.pathname, body.length]);
  const type = file.endsWith(".pagefind") ? "application/wasm" : "application/octet-stream";
  return new Response(body, { headers: { "content-type": type } });
};

const pagefind = await import(pathToFileURL(path.join(site, "pagefind", "pagefind.js")).href);
await pagefind.options({ basePath: "http://site.invalid/pagefind/" });
await pagefind.init();
const filters = await pagefind.filters();
const search = await pagefind.search(query);
const shown = await Promise.all(search.results.slice(0, 5).map((result) => result.data()));
console.log(JSON.stringify({
  count: search.results.length,
  filters,
  results: shown.map((page) => ({
    url: page.url.replace("http://site.invalid", ""), title: page.meta.title, meta: page.meta, excerpt: page.excerpt,
  })),
  files: fetched,
}));
