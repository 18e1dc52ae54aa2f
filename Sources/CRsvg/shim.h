#ifndef PARTYGRAPH_CRSVG_SHIM_H
#define PARTYGRAPH_CRSVG_SHIM_H

#include <stdlib.h>
#include <string.h>
#include <librsvg/rsvg.h>
#include <cairo.h>
#include <cairo-pdf.h>

/*
 * One call that renders SVG text to PNG or PDF bytes in memory, through librsvg and cairo.
 * Swift cannot pass cairo's write callback a closure that captures, and the GLib error and object
 * lifetimes are easier to keep right in one C function. Nothing persists between calls; librsvg
 * and cairo are safe to call from several threads with separate handles and surfaces.
 */

typedef struct {
    unsigned char *bytes;
    size_t length;
    size_t capacity;
    int failed;
} pg_rsvg_buffer;

static inline cairo_status_t pg_rsvg_write(void *closure, const unsigned char *data, unsigned int length) {
    pg_rsvg_buffer *buffer = (pg_rsvg_buffer *)closure;
    if (buffer->length + length > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity : 65536;
        while (capacity < buffer->length + length) capacity *= 2;
        unsigned char *bytes = (unsigned char *)realloc(buffer->bytes, capacity);
        if (bytes == NULL) { buffer->failed = 1; return CAIRO_STATUS_NO_MEMORY; }
        buffer->bytes = bytes;
        buffer->capacity = capacity;
    }
    memcpy(buffer->bytes + buffer->length, data, length);
    buffer->length += length;
    return CAIRO_STATUS_SUCCESS;
}

/*
 * Renders `svg` (UTF-8, `svgLength` bytes) into a width × height page (CSS pixels for PNG, scaled by `scale`;
 * points for PDF). format 0 = PNG, 1 = PDF. For PDF, title, subject and keywords (may be NULL) become the
 * document info. Returns 0 on success with *out (free with pg_rsvg_free) and *outLength set; otherwise a
 * non-zero code and, when known, *message (free with pg_rsvg_free): 1 SVG not parsed, 2 not rendered, 3 cairo.
 */
static inline int pg_rsvg_render(const char *svg, size_t svgLength, int format, double width, double height, double scale,
                                 const char *title, const char *subject, const char *keywords,
                                 unsigned char **out, size_t *outLength, char **message) {
    *out = NULL; *outLength = 0; *message = NULL;
    GError *error = NULL;
    RsvgHandle *handle = rsvg_handle_new_from_data((const guint8 *)svg, svgLength, &error);
    if (handle == NULL) {
        if (error != NULL) { *message = strdup(error->message); g_error_free(error); }
        return 1;
    }
    pg_rsvg_buffer buffer = { NULL, 0, 0, 0 };
    cairo_surface_t *surface;
    if (format == 1) {
        surface = cairo_pdf_surface_create_for_stream(pg_rsvg_write, &buffer, width, height);
        if (title) cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title);
        if (subject) cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject);
        if (keywords) cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, keywords);
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "PartyGraph");
    } else {
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)(width * scale + 0.5), (int)(height * scale + 0.5));
    }
    int code = 0;
    cairo_t *cr = cairo_create(surface);
    if (format != 1) {
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        cairo_scale(cr, scale, scale);
    }
    RsvgRectangle viewport = { 0, 0, width, height };
    if (!rsvg_handle_render_document(handle, cr, &viewport, &error)) {
        if (error != NULL) { *message = strdup(error->message); g_error_free(error); }
        code = 2;
    }
    cairo_destroy(cr);
    if (code == 0) {
        if (format == 1) {
            cairo_surface_finish(surface);
        } else if (cairo_surface_write_to_png_stream(surface, pg_rsvg_write, &buffer) != CAIRO_STATUS_SUCCESS) {
            code = 3;
        }
        if (code == 0 && (buffer.failed || cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)) {
            *message = strdup(cairo_status_to_string(cairo_surface_status(surface)));
            code = 3;
        }
    }
    cairo_surface_destroy(surface);
    g_object_unref(handle);
    if (code != 0) { free(buffer.bytes); return code; }
    *out = buffer.bytes;
    *outLength = buffer.length;
    return 0;
}

static inline void pg_rsvg_free(void *pointer) {
    free(pointer);
}

#endif
