/* errors.c - libharu's error handler and messages. */
#include "pdf/internal.h"

void pdf_error_handler(HPDF_STATUS code, HPDF_STATUS detail, void *user)
{
	pdf_err *e = user;
	if (!e)
		return;
	if (!e->count) {
		e->code = code;
		e->detail = detail;
	}
	e->count++;
}

static const struct {
	HPDF_STATUS code;
	const char *text;
} messages[] = {
    {HPDF_FAILD_TO_ALLOC_MEM, "out of memory"},
    {HPDF_FILE_IO_ERROR, "file input/output error"},
    {HPDF_FILE_OPEN_ERROR, "cannot open file"},
    {HPDF_FONT_EXISTS, "font already loaded"},
    {HPDF_INVALID_DATE_TIME, "invalid date"},
    {HPDF_INVALID_DESTINATION, "invalid destination"},
    {HPDF_INVALID_DOCUMENT, "invalid document"},
    {HPDF_INVALID_ENCODER, "invalid encoder"},
    {HPDF_INVALID_FONTDEF_DATA, "invalid font data"},
    {HPDF_INVALID_FONTDEF_TYPE, "invalid font type"},
    {HPDF_INVALID_FONT_NAME, "invalid font name"},
    {HPDF_INVALID_OBJECT, "invalid object"},
    {HPDF_INVALID_OUTLINE, "invalid outline"},
    {HPDF_INVALID_PAGE, "invalid page"},
    {HPDF_INVALID_PARAMETER, "invalid parameter"},
    {HPDF_INVALID_TTC_FILE, "invalid TrueType collection"},
    {HPDF_INVALID_URI, "invalid URI"},
    {HPDF_PAGE_INVALID_FONT_SIZE, "invalid font size"},
    {HPDF_PAGE_INVALID_GMODE, "drawing operation in the wrong mode"},
    {HPDF_PAGE_INVALID_PARAM_COUNT, "invalid dash pattern"},
    {HPDF_PAGE_INVALID_SIZE, "invalid page size"},
    {HPDF_PAGE_OUT_OF_RANGE, "value out of range"},
    {HPDF_REAL_OUT_OF_RANGE, "number out of range"},
    {HPDF_STRING_OUT_OF_RANGE, "string too long"},
    {HPDF_TTF_CANNOT_EMBEDDING_FONT, "the font does not allow embedding"},
    {HPDF_TTF_INVALID_CMAP, "unsupported cmap in TrueType font"},
    {HPDF_TTF_INVALID_FOMAT, "invalid TrueType font"},
    {HPDF_TTF_MISSING_TABLE, "TrueType font lacks a required table"},
    {HPDF_UNSUPPORTED_FONT_TYPE, "unsupported font type"},
    {HPDF_ZLIB_ERROR, "compression failed"},
    {HPDF_PAGE_NUM_STYLE_OUT_OF_RANGE, "invalid page label style"},
};

const char *pdf_error_text(HPDF_STATUS code)
{
	for (size_t i = 0; i < sizeof messages / sizeof *messages; i++)
		if (messages[i].code == code)
			return messages[i].text;
	return "libharu error";
}
