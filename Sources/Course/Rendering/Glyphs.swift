/// The characters a terminal rendering draws its frames with: Unicode box drawing, or ASCII.
public struct Glyphs: Sendable {
  /// A horizontal line.
  public let horizontal: String
  /// A vertical line.
  public let vertical: String
  /// The corners of a box: top left, top right, bottom left, bottom right.
  public let corners: (String, String, String, String)
  /// Where a table's rule meets a column separator.
  public let cross: String
  /// A list item's bullet.
  public let bullet: String
  /// A done and a not-done exercise in a progress bar.
  public let filled: String, empty: String
  /// Marks of a passed, a failed and an unchecked exercise.
  public let pass: String, fail: String, pending: String
  /// The separator between items of a one-line menu.
  public let separator: String

  /// Box drawing and typographic marks.
  public static let unicode = Glyphs(
    horizontal: "─", vertical: "│", corners: ("┌", "┐", "└", "┘"), cross: "┼", bullet: "•",
    filled: "●", empty: "○", pass: "✓", fail: "✗", pending: "·", separator: "·")

  /// Plain ASCII, for `TERM=dumb`.
  public static let ascii = Glyphs(
    horizontal: "-", vertical: "|", corners: ("+", "+", "+", "+"), cross: "+", bullet: "-",
    filled: "#", empty: "o", pass: "+", fail: "x", pending: "-", separator: "|")

  /// `text` with every box drawing (U+2500 to U+257F), block (U+2580 to U+259F) and braille
  /// (U+2800 to U+28FF) character replaced by the nearest ASCII one.
  public static func asciiDrawing(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { scalar -> Unicode.Scalar in
          switch scalar.value {
          case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550: return "-"
          case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551: return "|"
          case 0x2500...0x257F: return "+"
          case 0x2580...0x259F: return scalar.value == 0x2591 ? "." : "#"
          case 0x2800: return " "
          case 0x2801...0x28FF: return "."
          default: return scalar
          }
        }))
  }
}
