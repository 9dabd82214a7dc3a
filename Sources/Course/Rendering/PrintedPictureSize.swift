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
    guard let viewBox = Self.attribute("viewBox=\"", in: svg) else { return nil }
    let numbers = viewBox.split(separator: " ").compactMap { Double($0) }
    guard numbers.count == 4, numbers[2] > 0 else { return nil }
    var sizes: [Double] = []
    for marker in ["font-size:", "font-size=\""] {
      var rest = svg[...]
      while let found = rest.range(of: marker) {
        rest = rest[found.upperBound...]
        let digits = rest.prefix { $0.isNumber || $0 == "." }
        if let size = Double(digits), size > 0 { sizes.append(size) }
      }
    }
    guard let smallest = sizes.min() else { return nil }
    width = max(numbers[2], numbers[2] * Self.smallestLabel / smallest)
  }

  private static func attribute(_ marker: String, in text: String) -> Substring? {
    guard let start = text.range(of: marker) else { return nil }
    let rest = text[start.upperBound...]
    return rest.prefix { $0 != "\"" }
  }
}
