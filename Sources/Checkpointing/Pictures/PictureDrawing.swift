import Foundation
import Harness

/// A small SVG writer: standalone documents with inline styles and no external references.
struct SVGCanvas {
  let width: Double
  let height: Double
  private var elements: [String] = []

  init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String = "none"
  ) {
    elements.append(
      "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\" "
        + "style=\"fill:\(fill);stroke:\(stroke);stroke-width:1\"/>")
  }

  mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
    dashed: Bool = false
  ) {
    let dash = dashed ? ";stroke-dasharray:4 3" : ""
    elements.append(
      "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" "
        + "style=\"stroke:\(stroke);stroke-width:\(n(width))\(dash)\"/>")
  }

  mutating func polyline(_ points: [(Double, Double)], stroke: String, fill: String = "none") {
    let list = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
    elements.append(
      "<polyline points=\"\(list)\" style=\"fill:\(fill);stroke:\(stroke);stroke-width:1.5\"/>")
  }

  mutating func text(
    _ content: String, x: Double, y: Double, size: Double = 12, anchor: String = "start",
    color: String = "#222", bold: Bool = false
  ) {
    let weight = bold ? ";font-weight:bold" : ""
    elements.append(
      "<text x=\"\(n(x))\" y=\"\(n(y))\" style=\"font-family:sans-serif;font-size:\(n(size))px;"
        + "fill:\(color);text-anchor:\(anchor)\(weight)\">\(escaped(content))</text>")
  }

  var document: String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" "
      + "viewBox=\"0 0 \(n(width)) \(n(height))\">\n"
      + "<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" style=\"fill:#ffffff\"/>\n"
      + elements.joined(separator: "\n") + "\n</svg>\n"
  }

  private func n(_ value: Double) -> String { ByteFormatting.trimmed(value, decimals: 2) }

  private func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }
}

/// Terminal drawing: block-character columns and optional ANSI colour.
enum TerminalDrawing {
  static let eighths: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// Columns of heights (0 ... `maximum`) drawn `rows` characters tall, top row first.
  static func columns(_ values: [Double], maximum: Double, rows: Int) -> [String] {
    let levels = values.map { maximum > 0 ? Int(($0 / maximum * Double(rows * 8)).rounded()) : 0 }
    return (0..<rows).map { row in
      let base = (rows - 1 - row) * 8
      return String(levels.map { eighths[min(8, max(0, $0 - base))] })
    }
  }

  /// `text` in an ANSI colour (a 256-colour index) when `color` is on.
  static func paint(_ text: String, _ code: Int, _ color: Bool) -> String {
    color ? "\u{1B}[38;5;\(code)m\(text)\u{1B}[0m" : text
  }
}
