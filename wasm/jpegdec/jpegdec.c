/*
 * Streaming, DCT-scaled JPEG decoder glue around libjpeg-turbo 2.1.5 (no SIMD),
 * compiled to wasm32 with Debian's clang + wasi-libc.
 *
 * JS pushes compressed bytes in chunks (dec_input_reserve/dec_input_commit) and calls
 * dec_run() until it returns DEC_DONE. libjpeg's *suspending* data source is used, so
 * the whole file never has to be in wasm memory: only the unconsumed tail of the
 * current chunk(s) plus libjpeg's working state plus the (already scaled) output.
 *
 * Errors: libjpeg's error_exit calls the imported js_error(), which throws a JS
 * exception (acts as longjmp). After that the instance must be discarded.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "jpeglib.h"
#include "jerror.h"

#define EXPORT(name) __attribute__((export_name(#name)))
__attribute__((import_module("env"), import_name("js_error")))
extern void js_error(const char *msg);

enum { DEC_NEED_INPUT = 0, DEC_HEADER = 1, DEC_DONE = 2 };

typedef struct {
  struct jpeg_decompress_struct cinfo;
  struct jpeg_error_mgr jerr;
  struct jpeg_source_mgr src;
  unsigned char *buf;      /* owned input buffer */
  size_t cap;
  size_t skip_pending;     /* bytes libjpeg asked to skip that have not arrived yet */
  int eof;
  int state;
  int min_long_edge;       /* requested minimum long edge of the output (0 = full size) */
  int out_rgba;            /* 1: RGBA, 0: RGB */
  unsigned char *out;
  size_t out_stride;
  int warnings;
  char msg[JMSG_LENGTH_MAX];
} Dec;

static const JOCTET fake_eoi[2] = { 0xFF, JPEG_EOI };

static void src_init(j_decompress_ptr c) { (void)c; }
static boolean src_fill(j_decompress_ptr c) {
  Dec *d = (Dec *)c->client_data;
  if (!d->eof) return FALSE;               /* suspend: JS must push more data */
  WARNMS(c, JWRN_JPEG_EOF);                 /* truncated file: insert fake EOI */
  d->src.next_input_byte = fake_eoi;
  d->src.bytes_in_buffer = 2;
  return TRUE;
}
static void src_skip(j_decompress_ptr c, long n) {
  Dec *d = (Dec *)c->client_data;
  if (n <= 0) return;
  if ((size_t)n <= d->src.bytes_in_buffer) {
    d->src.next_input_byte += n;
    d->src.bytes_in_buffer -= n;
  } else {
    d->skip_pending += (size_t)n - d->src.bytes_in_buffer;
    d->src.next_input_byte += d->src.bytes_in_buffer;
    d->src.bytes_in_buffer = 0;
  }
}
static void src_term(j_decompress_ptr c) { (void)c; }

static void err_exit(j_common_ptr c) {
  Dec *d = (Dec *)c->client_data;
  (*c->err->format_message)(c, d->msg);
  js_error(d->msg);                         /* throws in JS; never returns */
}
static void err_emit(j_common_ptr c, int level) {
  Dec *d = (Dec *)c->client_data;
  if (level < 0) d->warnings++;
}
static void err_output(j_common_ptr c) { (void)c; }

EXPORT(dec_create)
Dec *dec_create(int min_long_edge, int out_rgba, int max_memory) {
  Dec *d = (Dec *)calloc(1, sizeof(Dec));
  if (!d) return NULL;
  d->min_long_edge = min_long_edge;
  d->out_rgba = out_rgba;
  d->cinfo.err = jpeg_std_error(&d->jerr);
  d->jerr.error_exit = err_exit;
  d->jerr.emit_message = err_emit;
  d->jerr.output_message = err_output;
  d->cinfo.client_data = d;
  jpeg_create_decompress(&d->cinfo);
  /* Cap libjpeg's own allocations (coefficient buffers of progressive files!).
     Exceeding it raises "Backing store not supported" instead of growing memory. */
  if (max_memory > 0) d->cinfo.mem->max_memory_to_use = max_memory;
  jpeg_save_markers(&d->cinfo, JPEG_APP0 + 1, 0xFFFF);   /* keep EXIF (orientation) */
  d->src.init_source = src_init;
  d->src.fill_input_buffer = src_fill;
  d->src.skip_input_data = src_skip;
  d->src.resync_to_restart = jpeg_resync_to_restart;
  d->src.term_source = src_term;
  d->cinfo.src = &d->src;
  return d;
}

/* Returns a pointer where JS may write up to n bytes. Compacts unconsumed input first. */
EXPORT(dec_input_reserve)
unsigned char *dec_input_reserve(Dec *d, size_t n) {
  size_t keep = d->src.bytes_in_buffer;
  if (keep + n > d->cap) {
    size_t ncap = d->cap ? d->cap : 65536;
    while (ncap < keep + n) ncap *= 2;
    unsigned char *nb = (unsigned char *)malloc(ncap);
    if (!nb) return NULL;
    if (keep) memcpy(nb, d->src.next_input_byte, keep);
    free(d->buf);
    d->buf = nb;
    d->cap = ncap;
  } else if (keep && d->src.next_input_byte != d->buf) {
    memmove(d->buf, d->src.next_input_byte, keep);
  }
  d->src.next_input_byte = d->buf;
  return d->buf + keep;
}

EXPORT(dec_input_commit)
void dec_input_commit(Dec *d, size_t n) {
  d->src.bytes_in_buffer += n;
  if (d->skip_pending) {
    size_t s = d->skip_pending < d->src.bytes_in_buffer ? d->skip_pending : d->src.bytes_in_buffer;
    d->src.next_input_byte += s;
    d->src.bytes_in_buffer -= s;
    d->skip_pending -= s;
  }
}

EXPORT(dec_input_eof)
void dec_input_eof(Dec *d) { d->eof = 1; }

/* Smallest M/8 (M=1..8) such that the scaled long edge is still >= min_long_edge. */
static void choose_scale(Dec *d) {
  j_decompress_ptr c = &d->cinfo;
  unsigned int lng = c->image_width > c->image_height ? c->image_width : c->image_height;
  int m = 8;
  if (d->min_long_edge > 0) {
    for (m = 1; m < 8; m++)
      if ((lng * (unsigned)m + 7) / 8 >= (unsigned)d->min_long_edge) break;
  }
  c->scale_num = m;
  c->scale_denom = 8;
}

EXPORT(dec_run)
int dec_run(Dec *d) {
  j_decompress_ptr c = &d->cinfo;
  switch (d->state) {
  case 0:
    if (jpeg_read_header(c, TRUE) == JPEG_SUSPENDED) return DEC_NEED_INPUT;
    choose_scale(d);
    c->out_color_space = d->out_rgba ? JCS_EXT_RGBA : JCS_RGB;
    c->dct_method = JDCT_ISLOW;
    jpeg_calc_output_dimensions(c);
    d->state = 1;
    return DEC_HEADER;               /* JS may inspect dec_info() and abort here */
  case 1:
    if (!jpeg_start_decompress(c)) return DEC_NEED_INPUT;   /* progressive: reads whole file */
    d->out_stride = (size_t)c->output_width * c->output_components;
    d->out = (unsigned char *)malloc(d->out_stride * c->output_height);
    if (!d->out) js_error("out of memory (output buffer)");
    d->state = 2;
    /* fallthrough */
  case 2:
    while (c->output_scanline < c->output_height) {
      JSAMPROW rows[16];
      int k, n = c->rec_outbuf_height > 16 ? 16 : c->rec_outbuf_height;
      for (k = 0; k < n; k++)
        rows[k] = d->out + (size_t)(c->output_scanline + k < c->output_height ? c->output_scanline + k : c->output_height - 1) * d->out_stride;
      if (jpeg_read_scanlines(c, rows, n) == 0) return DEC_NEED_INPUT;
    }
    d->state = 3;
    /* Don't call jpeg_finish_decompress: trailing data (MPF previews etc.) is not needed. */
    return DEC_DONE;
  default:
    return DEC_DONE;
  }
}

/* info[0..11]: image w,h, components, jpeg_color_space, progressive, output w,h,
   output components, scale_num, scale_denom, warnings, libjpeg bytes allocated(est. not avail -> 0) */
EXPORT(dec_info)
void dec_info(Dec *d, int *info) {
  j_decompress_ptr c = &d->cinfo;
  info[0] = c->image_width; info[1] = c->image_height;
  info[2] = c->num_components; info[3] = c->jpeg_color_space;
  info[4] = c->progressive_mode; info[5] = c->output_width; info[6] = c->output_height;
  info[7] = c->output_components; info[8] = c->scale_num; info[9] = c->scale_denom;
  info[10] = d->warnings;
  /* coefficient memory a progressive decode would need: sum over components of blocks*128 */
  {
    double blocks = 0; int ci;
    for (ci = 0; ci < c->num_components; ci++) {
      jpeg_component_info *comp = &c->comp_info[ci];
      double bw = (double)((c->image_width * comp->h_samp_factor + c->max_h_samp_factor * 8 - 1) / (c->max_h_samp_factor * 8));
      double bh = (double)((c->image_height * comp->v_samp_factor + c->max_v_samp_factor * 8 - 1) / (c->max_v_samp_factor * 8));
      blocks += bw * bh;
    }
    info[11] = (int)(blocks * 128.0 > 2147483647.0 ? 2147483647 : blocks * 128.0);
  }
}

EXPORT(dec_output)
unsigned char *dec_output(Dec *d) { return d->out; }

/* First saved APP1 marker starting with "Exif\0\0"; *len receives its length. */
EXPORT(dec_exif)
unsigned char *dec_exif(Dec *d, unsigned int *len) {
  jpeg_saved_marker_ptr m;
  for (m = d->cinfo.marker_list; m; m = m->next)
    if (m->marker == JPEG_APP0 + 1 && m->data_length >= 6 && !memcmp(m->data, "Exif\0\0", 6)) {
      *len = m->data_length;
      return m->data;
    }
  *len = 0;
  return NULL;
}

EXPORT(dec_destroy)
void dec_destroy(Dec *d) {
  jpeg_destroy_decompress(&d->cinfo);
  free(d->buf);
  free(d->out);
  free(d);
}

EXPORT(dec_malloc)
void *dec_malloc(size_t n) { return malloc(n); }
EXPORT(dec_free)
void dec_free(void *p) { free(p); }

/* ---- Resampling (stb_image_resize v1, from Debian's libstb-dev) ---- */
#define STB_IMAGE_RESIZE_IMPLEMENTATION
#define STBIR_ASSERT(x) ((void)0)
#include <stb_image_resize.h>

/* filter: 0 = Catmull-Rom, 1 = Mitchell, 2 = triangle, 3 = cubic B-spline, 4 = box.
   Works on the gamma-encoded values (like sharp/libvips default). Returns malloc'd buffer. */
EXPORT(img_resize)
unsigned char *img_resize(const unsigned char *in, int w, int h, int ow, int oh, int channels, int filter) {
  static const stbir_filter f[] = { STBIR_FILTER_CATMULLROM, STBIR_FILTER_MITCHELL,
    STBIR_FILTER_TRIANGLE, STBIR_FILTER_CUBICBSPLINE, STBIR_FILTER_BOX };
  unsigned char *out = (unsigned char *)malloc((size_t)ow * oh * channels);
  if (!out) js_error("out of memory (resize output)");
  if (!stbir_resize_uint8_generic(in, w, h, 0, out, ow, oh, 0, channels, STBIR_ALPHA_CHANNEL_NONE, 0,
                                  STBIR_EDGE_CLAMP, f[filter < 0 || filter > 4 ? 0 : filter],
                                  STBIR_COLORSPACE_LINEAR, NULL))
    js_error("resize failed");
  return out;
}
