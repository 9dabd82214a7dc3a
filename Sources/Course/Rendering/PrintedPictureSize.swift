/// How wide a picture must print for its smallest label to be legible, read from its SVG.
///
/// The pictures are drawn in CSS pixels (`viewBox` units); a browser scales them to the page.
/// 8 pt is 10.67 px (96 px and 72 pt to the inch), so a picture whose smallest label is 9 px
/// must print at least 10.67 / 9 of its drawn width.
public struct PrintedPictureSize: Sendable, Equatable {
  /// The smallest legible label on paper, in CSS pixels (8 pt).
  public static let smallestLabel = 8.0 * 96 / 72
  /// The text width of a portrait A4 page with the handouts' 16 mm side margins, in CSS pixels.
  public static let portraitTextWidth = (210.0 - 2 * 16) / 25.4 * 96
  /// The text width of a landscape A4 page with its 8 mm side margins, in CSS pixels.
  public static let landscapeTextWidth = (297.0 - 2 * 8) / 25.4 * 96

  /// The printed width, in CSS pixels: at least the drawn width, more if a label needs it.
  public let width: Double
  /// Whether that width is more than a portrait page holds.
  public var needsLandscape: Bool { width > Self.portraitTextWidth }

  /// Reads the `viewBox` width and the smallest `font-size` of an SVG drawing; nil when the
  /// drawing has no text or no `viewBox`.
  public init?(svg: String) {
    // Read byte by byte: a picture's SVG runs to hundreds of kilobytes, and every handout
    // page that shows it measures it.
    let bytes = Array(svg.utf8)
    guard let start = Self.ends(of: "viewBox=\"", in: bytes).first else { return nil }
    let viewBox = String(
      decoding: bytes[start...].prefix { $0 != UInt8(ascii: "\"") }, as: UTF8.self)
    let numbers = viewBox.split(separator: " ").compactMap { Double($0) }
    guard numbers.count == 4, numbers[2] > 0 else { return nil }
    var sizes: [Double] = []
    for marker in ["font-size:", "font-size=\""] {
      for end in Self.ends(of: marker, in: bytes) {
        let digits = bytes[end...].prefix {
          (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: ".")
        }
        if let size = Double(String(decoding: digits, as: UTF8.self)), size > 0 {
          sizes.append(size)
        }
      }
    }
    guard let smallest = sizes.min() else { return nil }
    width = max(numbers[2], numbers[2] * Self.smallestLabel / smallest)
  }

  /// Where each occurrence of `marker` in `bytes` ends, in order, occurrences not overlapping.
  private static func ends(of marker: String, in bytes: [UInt8]) -> [Int] {
    let pattern = Array(marker.utf8)
    var ends: [Int] = []
    var index = 0
    while index + pattern.count <= bytes.count {
      if bytes[index] == pattern[0], bytes[index..<index + pattern.count].elementsEqual(pattern) {
        index += pattern.count
        ends.append(index)
      } else {
        index += 1
      }
    }
    return ends
  }
}
