/// Terminal renderings of the course's pictures: block-character columns, sparklines, braille
/// plots and ANSI colour.
public enum TerminalDrawing {
  /// Eighth blocks, from empty (a space) to full.
  public static let eighths: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// Columns of heights (0 ... `maximum`) drawn `rows` characters tall, top row first, one
  /// character per value; nothing is drawn when `maximum` is not positive.
  public static func columns(_ values: [Double], maximum: Double, rows: Int) -> [String] {
    let levels = values.map { maximum > 0 ? Int(($0 / maximum * Double(rows * 8)).rounded()) : 0 }
    return (0..<rows).map { row in
      let base = (rows - 1 - row) * 8
      return String(levels.map { eighths[min(8, max(0, $0 - base))] })
    }
  }

  /// A histogram `rows` characters high: one column per count, scaled to the largest.
  public static func histogram(_ counts: [Double], rows: Int) -> [String] {
    columns(counts, maximum: counts.max() ?? 0, rows: rows)
  }

  /// One column of a sparkline: a space for zero, otherwise the block whose height is closest
  /// to `value ÷ maximum` (never lower than one eighth, so small non-zero values stay visible).
  public static func sparkBlock(_ value: Int, maximum: Int) -> Character {
    guard value > 0, maximum > 0 else { return " " }
    let level = Int((Double(value) / Double(maximum) * 8).rounded(.up))
    return eighths[min(max(level, 1), 8)]
  }

  /// A braille plot of `points` (x, y) in the given ranges, `columns` × `rows` characters
  /// (each character is a 2 × 4 grid of dots).
  public static func braille(
    _ points: [(Double, Double)], x: ClosedRange<Double>, y: ClosedRange<Double>, columns: Int,
    rows: Int
  ) -> [String] {
    var dots = [[Bool]](repeating: [Bool](repeating: false, count: columns * 2), count: rows * 4)
    for (px, py) in points {
      let column = Int(
        ((px - x.lowerBound) / (x.upperBound - x.lowerBound) * Double(columns * 2 - 1)).rounded())
      let row = Int(
        ((y.upperBound - py) / (y.upperBound - y.lowerBound) * Double(rows * 4 - 1)).rounded())
      if (0..<columns * 2).contains(column) && (0..<rows * 4).contains(row) {
        dots[row][column] = true
      }
    }
    // Braille dot numbering: bit values of the 2 × 4 cell, column-major with the bottom row last.
    let weights: [[UInt32]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
    return (0..<rows).map { cellRow in
      String(
        (0..<columns).map { cellColumn -> Character in
          var code: UInt32 = 0x2800
          for dy in 0..<4 {
            for dx in 0..<2 where dots[cellRow * 4 + dy][cellColumn * 2 + dx] {
              code |= weights[dy][dx]
            }
          }
          return Character(Unicode.Scalar(code) ?? " ")
        })
    }
  }

  /// `text` in an ANSI colour (30–37, 90–97) when `color` is true, as it is otherwise.
  public static func paint(_ text: String, _ code: Int, color: Bool) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  /// `text` in one of the 256 ANSI colours when `color` is true, as it is otherwise.
  public static func paint256(_ text: String, _ code: Int, color: Bool) -> String {
    paint(text, "38;5;\(code)", color: color)
  }

  /// `text` padded with spaces to `width` characters, on the right or, with `right`, the left.
  public static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return right ? padding + text : text + padding
  }

  private static func paint(_ text: String, _ code: String, color: Bool) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
