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
    color && !text.isEmpty ? "\u{1B}[\(code)m" + text + "\u{1B}[0m" : text
  }

  // MARK: SVG

  func svg() -> String {
    let left = 64
    let plotWidth = 540
    let rowHeight = 26
    let top = 34
    let height = top + rowHeight * formats.count + 48
    var svg = SVG(width: left + plotWidth + 24, height: height)
    func x(_ power: Double) -> Int { left + Int((power - low) / (high - low) * Double(plotWidth)) }
    svg.text(
      x: left, y: 20, "range of each format (log scale, powers of two)", size: 13,
      weight: "bold")
    let bottom = top + rowHeight * formats.count
    for power in stride(from: -150, through: 100, by: 50) {
      svg.line(
        x1: x(Double(power)), y1: top - 4, x2: x(Double(power)), y2: bottom, stroke: "#cccccc",
        dashed: power != 0)
      svg.text(
        x: x(Double(power)), y: bottom + 16, power == 0 ? "1" : "2" + FigureText.superscript(power),
        size: 11, anchor: "middle", color: "#444444")
    }
    for (row, format) in formats.enumerated() {
      let (subnormal, normal, largest) = landmarks(format)
      let y = top + row * rowHeight + 4
      svg.text(x: left - 8, y: y + 13, format.name, size: 12, anchor: "end")
      svg.rect(
        x: x(subnormal), y: y, width: max(1, x(normal) - x(subnormal)), height: rowHeight - 8,
        fill: "#b9d3ee")
      svg.rect(
        x: x(normal), y: y, width: max(1, x(largest) - x(normal)), height: rowHeight - 8,
        fill: "#2f6db5")
    }
    svg.rect(x: left, y: bottom + 26, width: 12, height: 10, fill: "#b9d3ee")
    svg.text(x: left + 16, y: bottom + 35, "subnormal", size: 11)
    svg.rect(x: left + 100, y: bottom + 26, width: 12, height: 10, fill: "#2f6db5")
    svg.text(x: left + 116, y: bottom + 35, "normal, up to the largest finite value", size: 11)
    return svg.document
  }
}
