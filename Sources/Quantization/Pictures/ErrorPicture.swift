import Drawing
import Harness

/// The `quantization-error` picture: the error x′ − x across the top of the int8 range, a
/// sawtooth within ±scale/2, then a ramp once clamping starts.
enum ErrorPicture: PictureDrawing {
  static let id = "quantization-error"
  static let caption =
    "The rounding error x′ − x, in units of the scale, for values near the top of the symmetric int8 range: inside the range it stays within ±½; past 127.5 × scale every value is clamped to code 127 and the error grows without bound."

  static let range = 122.0...130.0

  /// (x / scale, (x′ − x) / scale) for dense samples with scale 1.
  static func samples() -> [(Double, Double)] {
    let count = 800
    let xs = (0...count).map {
      Float(range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / Double(count))
    }
    let row = ReferenceQuantizer.row(xs, scale: 1, zeroPoint: 0, codes: -127...127)
    return zip(xs, row.dequantized).map { (Double($0), Double($1) - Double($0)) }
  }

  static func svg() -> String {
    let (left, top, width, height) = (60.0, 36.0, 580.0, 210.0)
    let yRange = -3.2...1.0
    func px(_ x: Double) -> Double {
      left + (x - range.lowerBound) / (range.upperBound - range.lowerBound) * width
    }
    func py(_ y: Double) -> Double {
      top + (yRange.upperBound - y) / (yRange.upperBound - yRange.lowerBound) * height
    }
    var canvas = SVGCanvas(width: 680, height: 296, style: .helvetica)
    canvas.rect(
      x: left, y: py(0.5), width: px(127.5) - left, height: py(-0.5) - py(0.5), fill: "#4a7ab5",
      opacity: 0.12)
    canvas.line(x1: left, y1: py(0), x2: left + width, y2: py(0), stroke: "#888")
    canvas.line(
      x1: px(127.5), y1: top, x2: px(127.5), y2: top + height, stroke: "#b5524a", dashed: true)
    canvas.text(
      "clamping starts at 127.5", x: px(127.5) + 6, y: top + 14, size: 11, fill: "#b5524a")
    canvas.text("±scale/2", x: left + 4, y: py(0.5) - 4, size: 11, fill: "#1d3f6e")
    // Break the line at the jumps of the sawtooth so it is drawn as separate teeth.
    var segment: [(Double, Double)] = []
    var previous: Double?
    for (x, e) in samples() {
      if let last = previous, abs(e - last) > 0.5 {
        canvas.polyline(segment, stroke: "#1d3f6e")
        segment = []
      }
      segment.append((px(x), py(e)))
      previous = e
    }
    canvas.polyline(segment, stroke: "#1d3f6e")
    for tick in stride(from: range.lowerBound, through: range.upperBound, by: 1) {
      canvas.line(
        x1: px(tick), y1: top + height, x2: px(tick), y2: top + height + 5, stroke: "#555")
      canvas.text(
        FigureText.number(tick), x: px(tick), y: top + height + 18, size: 11, anchor: "middle")
    }
    for tick in [-3.0, -2, -1, -0.5, 0, 0.5, 1] {
      canvas.text(FigureText.number(tick), x: left - 6, y: py(tick) + 4, size: 11, anchor: "end")
    }
    canvas.text("x / scale", x: left + width / 2, y: top + height + 36, size: 12, anchor: "middle")
    canvas.text("(x′ − x) / scale", x: 8, y: 16, size: 12)
    return canvas.document(title: caption)
  }

  static func terminal(color: Bool) -> String {
    let plot = TerminalDrawing.braille(samples(), x: range, y: -3.2...1.0, columns: 64, rows: 8)
    var lines = ["(x′ − x) / scale, for x / scale from 122 to 130; clamping starts at 127.5"]
    for (index, line) in plot.enumerated() {
      let label = index == 0 ? " +1 " : index == plot.count - 1 ? " −3 " : "    "
      lines.append(label + "│" + TerminalDrawing.paint(line, 34, color: color))
    }
    let clampColumn = Int(
      ((127.5 - range.lowerBound) / (range.upperBound - range.lowerBound) * 63).rounded())
    lines.append(
      "    └" + String(repeating: "─", count: clampColumn) + "┴"
        + String(repeating: "─", count: 63 - clampColumn))
    lines.append(
      "     122" + String(repeating: " ", count: clampColumn - 6) + "127.5"
        + String(repeating: " ", count: 63 - clampColumn - 7) + "130")
    return lines.joined(separator: "\n")
  }
}
