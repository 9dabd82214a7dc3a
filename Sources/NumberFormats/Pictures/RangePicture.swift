import Drawing
import Foundation

/// Draws the range of every format on one logarithmic axis: subnormals light, normal numbers
/// dark, each bar running from the smallest subnormal to the largest finite value.
struct RangePicture {
  let formats: [FloatFormat]
  /// The axis, in powers of two.
  let low = -150.0
  let high = 130.0

  /// log₂ of the three landmarks of a format.
  func landmarks(_ format: FloatFormat) -> (subnormal: Double, normal: Double, largest: Double) {
    (log2(format.minSubnormal), log2(format.minNormal), log2(format.maxFinite))
  }

  var caption: String {
    "The range of each format on a logarithmic axis, from 2\(FigureText.superscript(Int(low))) "
      + "to 2\(FigureText.superscript(Int(high))): light for subnormals, dark for normal numbers "
      + "up to the largest finite value."
  }

  // MARK: Terminal

  func terminal(color: Bool) -> String {
    let columns = 56
    func column(_ power: Double) -> Int {
      min(columns - 1, max(0, Int(((power - low) / (high - low) * Double(columns)).rounded(.down))))
    }
    let nameWidth = (formats.map(\.name.count).max() ?? 4) + 1
    var lines: [String] = []
    for format in formats {
      let (subnormal, normal, largest) = landmarks(format)
      // Runs of subnormal and normal columns, each painted once.
      var bar = ""
      bar += String(repeating: " ", count: column(subnormal))
      bar += paint(
        String(repeating: "\u{2591}", count: column(normal) - column(subnormal)), code: 90,
        color: color)
      bar += paint(
        String(repeating: "\u{2588}", count: column(largest) - column(normal) + 1), code: 36,
        color: color)
      bar += String(repeating: " ", count: columns - 1 - column(largest))
      let range =
        "\(FigureText.powerOfTwo(format.minSubnormal) ?? "") \u{2026} "
        + FigureText.magnitude(format.maxFinite).replacingOccurrences(of: "\u{2248} ", with: "")
      lines.append(format.name.padding(to: nameWidth) + "\u{2502}" + bar + "\u{2502} " + range)
    }
    // The axis: its ends and 1 = 2⁰ marked.
    var axis = Array(repeating: Character("\u{2500}"), count: columns)
    axis[column(0)] = "\u{253C}"
    lines.append(String(repeating: " ", count: nameWidth) + "\u{2514}" + String(axis) + "\u{2518}")
    let left = "2" + FigureText.superscript(Int(low))
    let right = "2" + FigureText.superscript(Int(high))
    var labels = Array(repeating: Character(" "), count: columns + 2)
    for (offset, character) in left.enumerated() { labels[offset] = character }
    labels[column(0) + 1] = "1"
    for (offset, character) in right.reversed().enumerated() {
      labels[columns + 1 - offset] = character
    }
    lines.append(String(repeating: " ", count: nameWidth) + String(labels))
    return lines.joined(separator: "\n")
  }

  private func paint(_ text: String, code: Int, color: Bool) -> String {
    TerminalDrawing.paint(text, code, color: color && !text.isEmpty)
  }

  // MARK: SVG

  func svg() -> String {
    let left = 64
    let plotWidth = 540
    let rowHeight = 26
    let top = 34
    let height = top + rowHeight * formats.count + 48
    var svg = SVGCanvas(
      width: Double(left + plotWidth + 24), height: Double(height), style: .monospace)
    func x(_ power: Double) -> Int { left + Int((power - low) / (high - low) * Double(plotWidth)) }
    svg.text(
      "range of each format (log scale, powers of two)", x: Double(left), y: 20, size: 13,
      bold: true)
    let bottom = top + rowHeight * formats.count
    for power in stride(from: -150, through: 100, by: 50) {
      svg.line(
        x1: Double(x(Double(power))), y1: Double(top - 4), x2: Double(x(Double(power))),
        y2: Double(bottom), stroke: "#cccccc", dashed: power != 0)
      svg.text(
        power == 0 ? "1" : "2" + FigureText.superscript(power), x: Double(x(Double(power))),
        y: Double(bottom + 16), size: 11, anchor: "middle", fill: "#444444")
    }
    for (row, format) in formats.enumerated() {
      let (subnormal, normal, largest) = landmarks(format)
      let y = top + row * rowHeight + 4
      svg.text(format.name, x: Double(left - 8), y: Double(y + 13), size: 12, anchor: "end")
      svg.rect(
        x: Double(x(subnormal)), y: Double(y), width: Double(max(1, x(normal) - x(subnormal))),
        height: Double(rowHeight - 8), fill: "#b9d3ee")
      svg.rect(
        x: Double(x(normal)), y: Double(y), width: Double(max(1, x(largest) - x(normal))),
        height: Double(rowHeight - 8), fill: "#2f6db5")
    }
    svg.rect(x: Double(left), y: Double(bottom + 26), width: 12, height: 10, fill: "#b9d3ee")
    svg.text("subnormal", x: Double(left + 16), y: Double(bottom + 35), size: 11)
    svg.rect(x: Double(left + 100), y: Double(bottom + 26), width: 12, height: 10, fill: "#2f6db5")
    svg.text(
      "normal, up to the largest finite value", x: Double(left + 116), y: Double(bottom + 35),
      size: 11)
    return svg.document()
  }
}
