/* xmp.c - the document-level items of a tagged PDF: /MarkInfo, /Lang
 * (the corpus language, else "en"), /ViewerPreferences with
 * DisplayDocTitle, and an XMP metadata stream (uncompressed, so that
 * tools that do not inflate find it) with the title, author, subject,
 * keywords, producer, dates only from SOURCE_DATE_EPOCH, and the PDF/UA
 * identifier (pdfuaid:part 1). */
#include <stdio.h>
#include <string.h>

#include "layout/struct.h"
#include "pdf/renderer.h"
#include "pdf/tags.h"

#define PRODUCER "studypress " SP_VERSION " with libharu " HPDF_VERSION_TEXT
#define FALLBACK_TITLE "Untitled"

/* s as XML character data. */
static void put_xml(sp_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			buf_puts(b, "&amp;");
			break;
		case '<':
			buf_puts(b, "&lt;");
			break;
		case '>':
			buf_puts(b, "&gt;");
			break;
		case '"':
			buf_puts(b, "&quot;");
			break;
		default:
			if ((unsigned char)*s >= 0x20 || *s == '\t' ||
			    *s == '\n')
				buf_putc(b, *s);
		}
	}
}

static void put_elem(sp_buf *b, const char *name, const char *open,
                     const char *close, const char *value)
{
	if (!value)
		return;
	buf_printf(b, "   <%s>%s", name, open);
	put_xml(b, value);
	buf_printf(b, "%s</%s>\n", close, name);
}

static void put_dates(sp_buf *b, const struct tm *tm)
{
	static const char *const keys[] = {"xmp:CreateDate", "xmp:ModifyDate",
	                                   "xmp:MetadataDate"};
	for (size_t i = 0; i < 3; i++)
		buf_printf(
		    b, "   <%s>%04d-%02d-%02dT%02d:%02d:%02d+00:00</%s>\n",
		    keys[i], tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday,
		    tm->tm_hour, tm->tm_min, tm->tm_sec, keys[i]);
}

/* --pdfa: the PDF/A identification (part 2, conformance A), and the
 * description PDF/A asks for of every property outside the schemas it
 * predefines: here pdfuaid:part. */
static void put_pdfa(sp_buf *b)
{
	buf_puts(
	    b,
	    "  <rdf:Description rdf:about=\"\"\n"
	    "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
	    "   <pdfaid:part>2</pdfaid:part>\n"
	    "   <pdfaid:conformance>A</pdfaid:conformance>\n"
	    "  </rdf:Description>\n"
	    "  <rdf:Description rdf:about=\"\"\n"
	    "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/"
	    "extension/\"\n"
	    "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
	    "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/"
	    "property#\">\n"
	    "   <pdfaExtension:schemas><rdf:Bag>\n"
	    "    <rdf:li rdf:parseType=\"Resource\">\n"
	    "     <pdfaSchema:schema>PDF/UA "
	    "identification</pdfaSchema:schema>\n"
	    "     <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/"
	    "</pdfaSchema:namespaceURI>\n"
	    "     <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
	    "     <pdfaSchema:property><rdf:Seq>\n"
	    "      <rdf:li rdf:parseType=\"Resource\">\n"
	    "       <pdfaProperty:name>part</pdfaProperty:name>\n"
	    "       <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
	    "       <pdfaProperty:category>internal</pdfaProperty:category>\n"
	    "       <pdfaProperty:description>The part of ISO 14289 the file "
	    "conforms to</pdfaProperty:description>\n"
	    "      </rdf:li>\n"
	    "     </rdf:Seq></pdfaSchema:property>\n"
	    "    </rdf:li>\n"
	    "   </rdf:Bag></pdfaExtension:schemas>\n"
	    "  </rdf:Description>\n");
}

static void xmp_packet(const pdf_renderer *r, const char *title,
                       const char *lang, sp_buf *b)
{
	const sp_document *d = r->doc;
	buf_puts(b, "<?xpacket begin=\"\xEF\xBB\xBF\" "
	            "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	            " <rdf:RDF xmlns:rdf="
	            "\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	            "  <rdf:Description rdf:about=\"\"\n"
	            "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	            "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
	            "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	            "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
	            "   <dc:format>application/pdf</dc:format>\n");
	put_elem(b, "dc:title", "<rdf:Alt><rdf:li xml:lang=\"x-default\">",
	         "</rdf:li></rdf:Alt>", title);
	put_elem(b, "dc:creator", "<rdf:Seq><rdf:li>", "</rdf:li></rdf:Seq>",
	         d->author);
	put_elem(b, "dc:description",
	         "<rdf:Alt><rdf:li xml:lang=\"x-default\">",
	         "</rdf:li></rdf:Alt>", d->subject);
	put_elem(b, "dc:language", "<rdf:Bag><rdf:li>", "</rdf:li></rdf:Bag>",
	         lang);
	put_elem(b, "pdf:Producer", "", "", PRODUCER);
	put_elem(b, "pdf:Keywords", "", "", d->keywords);
	put_elem(b, "xmp:CreatorTool", "", "", "studypress " SP_VERSION);
	if (r->has_date)
		put_dates(b, &r->date);
	buf_puts(b, "   <pdfuaid:part>1</pdfuaid:part>\n"
	            "  </rdf:Description>\n");
	if (r->pdfa)
		put_pdfa(b);
	buf_puts(b, " </rdf:RDF>\n"
	            "</x:xmpmeta>\n"
	            "<?xpacket end=\"r\"?>");
}

int xmp_write(pdf_renderer *r)
{
	HPDF_Dict cat = haru_catalog(r->pdf);
	const doc_struct *s = r->doc->tags;
	const char *lang = s && s->lang && *s->lang ? s->lang : "en";
	const char *title = r->doc->title && *r->doc->title ? r->doc->title
	                    : r->doc->subject               ? r->doc->subject
	                                                    : FALLBACK_TITLE;
	if (title != r->doc->title)
		HPDF_SetInfoAttr(r->pdf, HPDF_INFO_TITLE, title);
	if (!r->uncompressed) { /* tagged (tags.c) */
		HPDF_Dict mark = haru_dict(r->pdf, 0);
		haru_dict_put_bool(mark, "Marked", 1);
		haru_dict_put(cat, "MarkInfo", mark);
	}
	haru_dict_put_text(r->pdf, cat, "Lang", lang);
	HPDF_Dict vp = haru_dict(r->pdf, 0);
	haru_dict_put_bool(vp, "DisplayDocTitle", 1);
	haru_dict_put(cat, "ViewerPreferences", vp);
	sp_buf x = SP_BUF_INIT;
	xmp_packet(r, title, lang, &x);
	HPDF_Dict md = haru_stream(r->pdf, x.data, x.len);
	buf_free(&x);
	haru_dict_put_name(md, "Type", "Metadata");
	haru_dict_put_name(md, "Subtype", "XML");
	haru_dict_put(cat, "Metadata", md);
	return pdf_render_failed(r, "document metadata") ? -1 : 0;
}
