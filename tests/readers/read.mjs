// tests/readers/read.mjs - read PDFs back with pdf.js (Firefox's viewer) and
// PDFium (Chrome's), as tests/e2e/readers_all.sh reads them with poppler,
// MuPDF and Ghostscript.
//
//   node tests/readers/read.mjs [--out DIR] [--png DIR] [--scale S] FILE.pdf...
//
// For each file and each reader: open it, render every page to pixels,
// extract every page's text.
// - pdf.js (pdfjs-dist, legacy build, its in-thread "fake" worker,
//   stopAtErrors, verbosity WARNINGS): each page's operator list, then a
//   render on a @napi-rs/canvas canvas (Skia; in Node pdf.js has no
//   FontFace, so it draws every glyph as a path from the embedded font
//   program), then getTextContent.
// - PDFium (@hyzyla/pdfium, WebAssembly): FPDF_LoadMemDocument, each page's
//   text (FPDFText), its objects, then FPDF_RenderPageBitmap.
//
// A failure is anything a reader says or does that a clean file would not
// cause: an exception; any console output while pdf.js works (its warn()
// prints "Warning: ..." there); any output of the PDFium module; a font that
// pdf.js could not load from the file (no standardFontDataUrl is given, so a
// font that is not embedded is reported by pdf.js too); a font that PDFium
// finds not embedded; a character PDFium cannot map to Unicode; a
// cross-reference table PDFium had to rebuild; a page with text on which a
// reader drew nothing; the two readers counting a different number of pages;
// or the two drawings of a page differing somewhere by more than anti-aliasing
// and hinting do (the page is compared in cells of CELL x CELL pixels).
//
// Prints one line per file and reader. Every failure goes to stderr as
// "FILE: page N: READER: message". With --out DIR, writes DIR/NAME.pdfjs.txt
// and DIR/NAME.pdfium.txt (each page's text followed by a form feed, as
// pdftotext does) and DIR/NAME.readers.json (per reader and page: characters,
// inked pixels); with --png DIR, every page as each reader drew it.
// Exits 1 if anything failed, 2 on bad usage.
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";

const require = createRequire(import.meta.url);
// pdf.js 5 reaches Node's modules through process.getBuiltinModule (Node
// 20.16 and later); give an older Node the same thing.
if (typeof process.getBuiltinModule !== "function") {
	process.getBuiltinModule = (id) => require(id);
}

const args = process.argv.slice(2);
let outDir = null;
let pngDir = null;
let scale = 1; // 72 dpi: fine enough to compare the two drawings (CELL)
const files = [];
for (let i = 0; i < args.length; i++) {
	if (args[i] === "--out") outDir = args[++i];
	else if (args[i] === "--png") pngDir = args[++i];
	else if (args[i] === "--scale") scale = Number(args[++i]);
	else if (args[i].startsWith("--")) {
		console.error(`read.mjs: unknown option ${args[i]}`);
		process.exit(2);
	} else files.push(args[i]);
}
if (files.length === 0 || !(scale > 0) || outDir === undefined || pngDir === undefined) {
	console.error("usage: node read.mjs [--out DIR] [--png DIR] [--scale S] FILE.pdf...");
	process.exit(2);
}

// Everything pdf.js prints goes through console (its warn() and info(); the
// fake worker runs in this thread): catch it all, and charge it to what is
// being read at the time.
let where = "(start-up)";
let failures = 0;
const realError = console.error.bind(console);
function failure(msg) {
	failures++;
	realError(`${where}: ${msg}`);
}
for (const k of ["log", "info", "warn", "error", "debug", "trace"]) {
	console[k] = (...a) => failure(`says: ${a.map(String).join(" ")}`);
}

const pdfjsDir = path.dirname(require.resolve("pdfjs-dist/package.json"));
const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
const { PDFiumModule, PDFiumLibrary } = await import("@hyzyla/pdfium");
const canvasLib = require("@napi-rs/canvas");

// Pixels that are not (nearly) white, in RGBA.
function inked(rgba) {
	let n = 0;
	for (let i = 0; i < rgba.length; i += 4) {
		if (rgba[i] < 240 || rgba[i + 1] < 240 || rgba[i + 2] < 240) n++;
	}
	return n;
}

// The page's darkness (0 white, 255 black) in cells of CELL x CELL pixels,
// to compare what the two readers drew: coarse enough that anti-aliasing,
// hinting and stroke adjustment do not count, fine enough that a missing
// line of text does. Measured at 72 dpi: on every output of
// tests/e2e/readers_all.sh the two readers' cells differ by 23 at most; a
// line of 9 pt body text or a heading taken out of the page costs 55 or
// more; a small grey label (a 7 pt word) only 23, which this does not see.
const CELL = 8;
const CELL_TOLERANCE = 36;
function grid(rgba, w, h) {
	const gw = Math.ceil(w / CELL), gh = Math.ceil(h / CELL);
	const sum = new Float64Array(gw * gh), cnt = new Uint32Array(gw * gh);
	for (let y = 0; y < h; y++) {
		const row = ((y / CELL) | 0) * gw;
		for (let x = 0; x < w; x++) {
			const i = (y * w + x) * 4, g = row + ((x / CELL) | 0);
			sum[g] += 255 - (rgba[i] * 0.299 + rgba[i + 1] * 0.587 + rgba[i + 2] * 0.114);
			cnt[g]++;
		}
	}
	return { gw, gh, cells: Float64Array.from(sum, (v, g) => v / cnt[g]) };
}

function savePng(name, reader, p, w, h, rgba) {
	const c = canvasLib.createCanvas(w, h);
	const ctx = c.getContext("2d");
	const id = ctx.createImageData(w, h);
	id.data.set(rgba);
	ctx.putImageData(id, 0, 0);
	fs.mkdirSync(pngDir, { recursive: true });
	fs.writeFileSync(path.join(pngDir, `${name}.${reader}-${p}.png`), c.toBuffer("image/png"));
}

const dirUrl = (d) => path.join(pdfjsDir, d) + path.sep;

async function readPdfjs(file, name, data) {
	const pages = [];
	const doc = await pdfjs.getDocument({
		data,
		verbosity: pdfjs.VerbosityLevel.WARNINGS,
		stopAtErrors: true,
		isEvalSupported: false,
		cMapUrl: dirUrl("cmaps"),
		// no standardFontDataUrl, on purpose: studypress embeds every font,
		// and without the standard fonts pdf.js warns about one that is not
		wasmUrl: dirUrl("wasm"),
		iccUrl: dirUrl("iccs"),
	}).promise;
	try {
		for (let p = 1; p <= doc.numPages; p++) {
			where = `${file}: page ${p}: pdf.js`;
			const page = await doc.getPage(p);
			const ops = await page.getOperatorList();
			const viewport = page.getViewport({ scale });
			const w = Math.ceil(viewport.width), h = Math.ceil(viewport.height);
			const canvas = canvasLib.createCanvas(w, h);
			const ctx = canvas.getContext("2d");
			await page.render({ canvas, canvasContext: ctx, viewport, background: "#ffffff" }).promise;
			const pixels = ctx.getImageData(0, 0, w, h).data;
			if (pngDir) savePng(name, "pdfjs", p, w, h, pixels);
			let text = "";
			for (const it of (await page.getTextContent()).items) {
				if (typeof it.str === "string") text += it.str + (it.hasEOL ? "\n" : "");
			}
			for (const [id, obj] of page.commonObjs) {
				if (!obj || typeof obj !== "object" || !("missingFile" in obj)) continue;
				if (obj.missingFile) failure(`font ${obj.name} (${id}) is not in the file`);
				if (obj.isInvalidPDFjsFont) failure(`font ${obj.name} (${id}) is not usable`);
			}
			pages.push({ text, w, h, ink: inked(pixels), grid: grid(pixels, w, h),
				ops: ops.fnArray.length });
			page.cleanup();
		}
	} finally {
		await doc.destroy();
	}
	return pages;
}

let pdfiumSays = [];
const pdfium = await PDFiumLibrary.initBase({
	vendor: (opts) => PDFiumModule({
		...opts,
		print: (s) => pdfiumSays.push(s),
		printErr: (s) => pdfiumSays.push(s),
	}),
});
const M = pdfium.module;
function pdfiumSaid() {
	for (const s of pdfiumSays) failure(`says: ${s}`);
	pdfiumSays = [];
}
function fontName(font) {
	const len = M._FPDFFont_GetBaseFontName(font, 0, 0);
	if (len <= 1) return "(no name)";
	const buf = M.wasmExports.malloc(len);
	M._FPDFFont_GetBaseFontName(font, buf, len);
	const s = new TextDecoder().decode(M.HEAPU8.slice(buf, buf + len - 1));
	M.wasmExports.free(buf);
	return s;
}

// sizes: [w, h] of each page as pdf.js drew it, to draw it at the same size
async function readPdfium(file, name, data, sizes) {
	const pages = [];
	const doc = await pdfium.loadDocument(data);
	try {
		pdfiumSaid();
		if (!M._FPDF_DocumentHasValidCrossReferenceTable(doc.documentIdx))
			failure("the cross-reference table is not valid (PDFium rebuilt it)");
		const n = doc.getPageCount();
		for (let i = 0; i < n; i++) {
			where = `${file}: page ${i + 1}: PDFium`;
			const page = doc.getPage(i);
			if (!page.pageIdx) throw new Error("FPDF_LoadPage failed");
			const text = page.getText();
			const tp = M._FPDFText_LoadPage(page.pageIdx);
			let unmapped = 0;
			for (let c = 0, cn = M._FPDFText_CountChars(tp); c < cn; c++)
				if (M._FPDFText_HasUnicodeMapError(tp, c)) unmapped++;
			M._FPDFText_ClosePage(tp);
			if (unmapped) failure(`${unmapped} characters have no Unicode mapping`);
			const nobj = M._FPDFPage_CountObjects(page.pageIdx);
			if (nobj < 0) failure("cannot count the page's objects");
			const notEmbedded = new Set();
			for (let o = 0; o < nobj; o++) {
				const obj = M._FPDFPage_GetObject(page.pageIdx, o);
				if (M._FPDFPageObj_GetType(obj) !== 1) continue; // FPDF_PAGEOBJ_TEXT
				const font = M._FPDFTextObj_GetFont(obj);
				if (!font) failure(`text object ${o} has no font`);
				else if (!M._FPDFFont_GetIsEmbedded(font)) notEmbedded.add(fontName(font));
			}
			for (const f of notEmbedded) failure(`font ${f} is not embedded`);
			const { originalWidth: ow, originalHeight: oh } = page.getOriginalSize();
			const [w, h] = sizes[i] || [Math.ceil(ow * scale), Math.ceil(oh * scale)];
			// (render() closes the page)
			const img = await page.render({ scale: 1, width: w, height: h, render: "bitmap" });
			if (pngDir) savePng(name, "pdfium", i + 1, img.width, img.height, img.data);
			pages.push({ text, w: img.width, h: img.height, ink: inked(img.data),
				grid: grid(img.data, img.width, img.height), objects: nobj });
			pdfiumSaid();
		}
	} finally {
		doc.destroy();
	}
	return pages;
}

const nonSpace = (s) => s.replace(/\s/g, "").length;

// Where two drawings of a page differ by more than CELL_TOLERANCE, in points
// from the top left corner.
function compareDrawings(file, a, b) {
	for (let p = 0; p < Math.min(a.length, b.length); p++) {
		const g1 = a[p].grid, g2 = b[p].grid;
		where = `${file}: page ${p + 1}`;
		if (g1.gw !== g2.gw || g1.gh !== g2.gh) {
			failure(`pdf.js draws ${a[p].w}x${a[p].h} pixels, PDFium ${b[p].w}x${b[p].h}`);
			continue;
		}
		let worst = -1, cells = 0;
		for (let c = 0; c < g1.cells.length; c++) {
			const d = Math.abs(g1.cells[c] - g2.cells[c]);
			if (d > CELL_TOLERANCE) {
				cells++;
				if (worst < 0 || d > Math.abs(g1.cells[worst] - g2.cells[worst])) worst = c;
			}
		}
		if (cells) {
			const pt = (v) => Math.round((v * CELL) / scale);
			failure(`pdf.js and PDFium draw it differently in ${cells} places, the most at ` +
				`${pt(worst % g1.gw)},${pt(Math.floor(worst / g1.gw))} pt from the top left ` +
				`(darkness ${g1.cells[worst].toFixed(0)} and ${g2.cells[worst].toFixed(0)} of 255)`);
		}
	}
}

for (const file of files) {
	const name = path.basename(file).replace(/\.pdf$/i, "");
	const data = fs.readFileSync(file);
	const result = {};
	for (const [reader, fn] of [["pdf.js", readPdfjs], ["PDFium", readPdfium]]) {
		where = `${file}: ${reader}`;
		const t0 = Date.now();
		try {
			// each reader its own copy: pdf.js transfers the buffer to its worker
			result[reader] = await fn(file, name, new Uint8Array(data),
				(result["pdf.js"] || []).map((p) => [p.w, p.h]));
		} catch (e) {
			failure(`error: ${e && e.message ? e.message : e}`);
		}
		pdfiumSaid();
		where = `${file}: ${reader}`;
		const pages = result[reader];
		if (!pages) continue;
		pages.forEach((p, i) => {
			if (nonSpace(p.text) > 0 && p.ink === 0) {
				where = `${file}: page ${i + 1}: ${reader}`;
				failure("the page has text, but nothing was drawn");
			}
		});
		const chars = pages.reduce((s, p) => s + nonSpace(p.text), 0);
		process.stdout.write(`${file}: ${reader}: ${pages.length} pages, ${chars} characters, ` +
			`${Date.now() - t0} ms\n`);
	}
	where = file;
	const a = result["pdf.js"], b = result["PDFium"];
	if (a && b) {
		if (a.length !== b.length) failure(`pdf.js reads ${a.length} pages, PDFium ${b.length}`);
		compareDrawings(file, a, b);
	}
	if (outDir) {
		fs.mkdirSync(outDir, { recursive: true });
		const txt = (ps) => ps.map((p) => p.text.replace(/\r\n?/g, "\n") + "\n\f").join("");
		if (a) fs.writeFileSync(path.join(outDir, `${name}.pdfjs.txt`), txt(a));
		if (b) fs.writeFileSync(path.join(outDir, `${name}.pdfium.txt`), txt(b));
		const meta = (ps) => ps && ps.map(({ text, grid, ...rest }) => ({ chars: nonSpace(text), ...rest }));
		fs.writeFileSync(path.join(outDir, `${name}.readers.json`),
			JSON.stringify({ "pdf.js": meta(a), PDFium: meta(b) }) + "\n");
	}
}
pdfium.destroy();
if (failures) {
	realError(`read.mjs: ${failures} failures`);
	process.exit(1);
}
