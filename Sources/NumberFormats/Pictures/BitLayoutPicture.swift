import Drawing

/// Draws a format's bit layout, one box per bit coloured by field, filled with the bits of a
/// sample value rounded into the format: from the format's description and the kit's encoder.
struct BitLayoutPicture {
  let format: FloatFormat
  let sample: Double
  let sampleName: String

  /// The sample's pattern in this format.
  var bits: UInt32 { FloatCodec.encode(sample, in: format).bits }

  /// The value that pattern holds.
  var value: Double { FloatCodec.decode(bits, in: format).value }

  var caption: String {
    "\(format.name): 1 sign bit, \(format.exponentBits) exponent bits and "
      + "\(format.fractionBits) fraction bits; the pattern shown, \(format.hex(bits)), is "
      + "\(sampleName) rounded to \(format.name), \(FigureText.exact(value))."
  }

  // MARK: Terminal

  /// Three lines: the digits by field, a bar under each field, and the field names.
  func terminal(color: Bool) -> String {
    let parts = format.binaryFields(of: bits)
    var digits: [String] = []
    var bars: [String] = []
    var labels = ""
    for (index, part) in parts.enumerated() {
      let width = part.digits.count
      digits.append(part.field.paint(part.digits, color: color))
      bars.append(part.field.paint(String(repeating: "\u{2580}", count: width), color: color))
      let isLast = index == parts.count - 1
      let label = Self.label(for: part.field, width: width, isLast: isLast, format: format)
      labels += part.field.paint(label, color: color)
      if !isLast { labels += String(repeating: " ", count: width + 1 - label.count) }
    }
    let title =
      "\(format.name)  \(format.hex(bits)) = \(sampleName) \u{2248} "
      + FigureText.exact(value)
    return [title, digits.joined(separator: " "), bars.joined(separator: " "), labels]
      .joined(separator: "\n")
  }

  /// The longest name of the field that fits under it; the last field may run on.
  static func label(for field: FloatField, width: Int, isLast: Bool, format: FloatFormat)
    -> String
  {
    let count = field == .exponent ? format.exponentBits : format.fractionBits
    let candidates: [String]
    switch field {
    case .sign: candidates = ["sign", "s"]
    case .exponent: candidates = ["exponent (\(count))", "exponent", "exp", "e"]
    case .fraction: candidates = ["fraction (\(count))", "fraction", "frac", "f"]
    }
    if isLast { return candidates[0] }
    return candidates.first { $0.count <= width } ?? String(candidates.last?.prefix(width) ?? "")
  }

  // MARK: SVG

  func svg() -> String {
    // Narrow formats get wider boxes, so their field names fit under them.
    let cell = max(20, 320 / format.totalBits)
    let margin = 16
    let title = "\(format.name): \(sampleName) \u{2248} \(FigureText.exact(value))"
    let width = max(margin * 2 + cell * format.totalBits + 40, margin * 2 + title.count * 9)
    let top = 44
    let height = top + cell + 58
    var svg = SVGCanvas(width: Double(width), height: Double(height), style: .monospace)
    svg.text(title, x: Double(margin), y: 20, size: 14, bold: true)
    var position = 0
    var bitIndex = format.totalBits - 1
    for part in format.binaryFields(of: bits) {
      let start = margin + position * cell
      let fieldWidth = part.digits.count * cell
      for (offset, digit) in part.digits.enumerated() {
        let x = start + offset * cell
        svg.rect(
          x: Double(x), y: Double(top), width: Double(cell), height: Double(cell),
          fill: part.field.fill, stroke: part.field.stroke)
        svg.text(
          String(digit), x: Double(x + cell / 2), y: Double(top + 15), size: 13, anchor: "middle")
      }
      // The bit numbers at both ends of the field.
      svg.text(
        String(bitIndex), x: Double(start + cell / 2), y: Double(top - 4), size: 9,
        anchor: "middle", fill: "#555555")
      let lowBit = bitIndex - part.digits.count + 1
      if part.digits.count > 1 {
        svg.text(
          String(lowBit), x: Double(start + fieldWidth - cell / 2), y: Double(top - 4), size: 9,
          anchor: "middle", fill: "#555555")
      }
      let name = part.field == .sign ? "sign" : "\(part.field.rawValue) (\(part.digits.count))"
      let labelWidth = name.count * 7  // about 7 px a character at size 12
      if labelWidth <= fieldWidth || part.field == .exponent {
        let label = labelWidth <= fieldWidth + 8 ? name : String(name.prefix(3))
        svg.text(
          label, x: Double(start + fieldWidth / 2), y: Double(top + cell + 18), size: 12,
          anchor: "middle", fill: part.field.stroke)
      } else if part.field == .fraction {
        svg.text(
          name, x: Double(start + 2), y: Double(top + cell + 18), size: 12, fill: part.field.stroke)
      } else {
        svg.text(
          "s", x: Double(start + fieldWidth / 2), y: Double(top + cell + 18), size: 12,
          anchor: "middle", fill: part.field.stroke)
      }
      position += part.digits.count
      bitIndex = lowBit - 1
    }
    svg.text(
      "pattern \(format.hex(bits)), bias \(format.bias)", x: Double(margin),
      y: Double(top + cell + 44), size: 11, fill: "#333333")
    return svg.document()
  }
}
