/// Terminal renderings for the topic's pictures: block-character histograms and braille plots.
enum TerminalCanvas {
  /// Eighth blocks, from empty to full.
  static let blocks: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// A histogram `rows` characters high: one column per count, scaled to the largest.
  static func histogram(_ counts: [Double], rows: Int) -> [String] {
    let largest = counts.max() ?? 0
    guard largest > 0 else {
      return Array(repeating: String(repeating: " ", count: counts.count), count: rows)
    }
    let heights = counts.map { $0 / largest * Double(rows * 8) }
    return (0..<rows).map { row in
      let floor = Double((rows - 1 - row) * 8)
      return String(
        heights.map { height -> Character in
          let eighths = Int((height - floor).rounded())
          return blocks[Swift.min(Swift.max(eighths, 0), 8)]
        })
    }
  }

  /// A braille plot of `points` (x, y) in the given ranges, `columns` × `rows` characters
  /// (each character is a 2 × 4 grid of dots).
  static func braille(
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

  /// `text` in an ANSI colour when `color` is true, as it is otherwise.
  static func paint(_ text: String, _ code: Int, color: Bool) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
