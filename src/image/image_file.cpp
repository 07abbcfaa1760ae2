#include "image/image_file.h"

#include <csetjmp>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <vector>

#include <png.h>

namespace appeal::image {

namespace {

ImageData load_png(const std::string& file) {
  std::unique_ptr<FILE, int (*)(FILE*)> fp(std::fopen(file.c_str(), "rb"), std::fclose);
  if (!fp) throw ImageError(file, "cannot open");
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!png || !info) {
    png_destroy_read_struct(&png, &info, nullptr);
    throw ImageError(file, "out of memory");
  }
  ImageData img;
  // libpng reports errors by longjmp: the locals it may skip over are not changed after
  // setjmp (only the heap buffers they own), so unwinding afterwards is well defined.
  const auto pixels_owner = std::make_unique<std::vector<png_byte>>();
  const auto rows_owner = std::make_unique<std::vector<png_bytep>>();
  std::vector<png_byte>& pixels = *pixels_owner;
  std::vector<png_bytep>& rows = *rows_owner;
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info, nullptr);
    throw ImageError(file, "damaged or unsupported PNG");
  }
  png_init_io(png, fp.get());
  // libpng allocates what a chunk claims before reading it: a 100-byte file declaring a
  // 1 GB ICC profile (iCCP) or a 2 GB text chunk took that much (found by
  // tests/fuzz/fuzz_images, on clean CI runs). The image is printed from its samples alone
  // (DeviceRGB/Gray, or sRGB for PDF/X), so the ancillary chunks that carry profiles, text
  // and metadata are skipped unread, as are unknown ones; what is read is capped at 16 MB,
  // and no side may exceed what the pixel limit allows.
  static const png_byte kSkipped[] = "iCCP\0zTXt\0iTXt\0tEXt\0sPLT\0eXIf\0pCAL\0sCAL\0hIST\0tIME\0";
  png_set_keep_unknown_chunks(png, PNG_HANDLE_CHUNK_NEVER, nullptr, 0);
  png_set_keep_unknown_chunks(png, PNG_HANDLE_CHUNK_NEVER, kSkipped, static_cast<int>((sizeof kSkipped - 1) / 5));
  png_set_chunk_malloc_max(png, 16u << 20);
  png_set_user_limits(png, 40000, 40000);
  png_read_info(png, info);
  // Decoding allocates width x height x 4 bytes: a 400 KB file may claim 20,000 x 20,000
  // pixels (1.6 GB). A printed signature or photo never needs more than kMaxImagePixels.
  if (static_cast<uint64_t>(png_get_image_width(png, info)) * png_get_image_height(png, info) > kMaxImagePixels) {
    throw ImageError(file, std::to_string(png_get_image_width(png, info)) + " x " +
                               std::to_string(png_get_image_height(png, info)) + " pixels; at most " +
                               std::to_string(kMaxImagePixels / 1000000) + " million (scale the image down)");
  }
  // Normalise to 8-bit gray or RGB, with or without alpha (palette and tRNS expanded).
  png_set_expand(png);
  png_set_strip_16(png);
  png_set_interlace_handling(png);
  png_read_update_info(png, info);
  const int width = static_cast<int>(png_get_image_width(png, info));
  const int height = static_cast<int>(png_get_image_height(png, info));
  const int channels = png_get_channels(png, info);
  const size_t stride = png_get_rowbytes(png, info);
  pixels.resize(stride * static_cast<size_t>(height));
  rows.resize(static_cast<size_t>(height));
  for (int y = 0; y < height; ++y) rows[static_cast<size_t>(y)] = pixels.data() + stride * static_cast<size_t>(y);
  png_read_image(png, rows.data());
  png_read_end(png, nullptr);
  png_destroy_read_struct(&png, &info, nullptr);

  img.width = width;
  img.height = height;
  const bool alpha = channels == 2 || channels == 4;
  const int colors = alpha ? channels - 1 : channels;
  img.color_space = colors == 1 ? "DeviceGray" : "DeviceRGB";
  img.samples.reserve(static_cast<size_t>(width) * height * colors);
  if (alpha) img.alpha.emplace(), img.alpha->reserve(static_cast<size_t>(width) * height);
  for (size_t i = 0; i < pixels.size(); i += static_cast<size_t>(channels)) {
    img.samples.append(reinterpret_cast<const char*>(&pixels[i]), static_cast<size_t>(colors));
    if (alpha) img.alpha->push_back(static_cast<char>(pixels[i + static_cast<size_t>(colors)]));
  }
  return img;
}

// JPEG: width, height and components from the first SOFn marker (ITU T.81 B.2.2).
ImageData load_jpeg(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ImageError(file, "cannot open");
  ImageData img;
  img.samples.assign(std::istreambuf_iterator<char>(in), {});
  const std::string& b = img.samples;
  const auto u8 = [&](size_t i) { return static_cast<unsigned char>(b.at(i)); };
  try {
    if (b.size() < 4 || u8(0) != 0xFF || u8(1) != 0xD8) throw ImageError(file, "not a JPEG file");
    size_t i = 2;
    while (i + 9 < b.size()) {
      if (u8(i) != 0xFF) throw ImageError(file, "damaged JPEG");
      const unsigned marker = u8(i + 1);
      const size_t len = (u8(i + 2) << 8) | u8(i + 3);
      if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
        img.height = (u8(i + 5) << 8) | u8(i + 6);
        img.width = (u8(i + 7) << 8) | u8(i + 8);
        const int comps = u8(i + 9);
        img.color_space = comps == 1 ? "DeviceGray" : comps == 4 ? "DeviceCMYK" : "DeviceRGB";
        img.filter = "DCTDecode";
        return img;
      }
      i += 2 + len;
    }
  } catch (const std::out_of_range&) {
  }
  throw ImageError(file, "no frame header in JPEG");
}

}  // namespace

ImageData load_image(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  char magic[8] = {};
  in.read(magic, 8);
  if (std::string(magic, 8) == "\x89PNG\r\n\x1a\n") return load_png(file);
  if (static_cast<unsigned char>(magic[0]) == 0xFF && static_cast<unsigned char>(magic[1]) == 0xD8) return load_jpeg(file);
  throw ImageError(file, "neither PNG nor JPEG");
}

}  // namespace appeal::image
