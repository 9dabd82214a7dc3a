import Drawing
import Harness

/// The `loss-scaling-shift` picture: gradient exponents before and after loss scaling, against the
/// ranges of fp16.
enum LossScalingPicture: PictureDrawing {
  static let id = "loss-scaling-shift"
  static let caption =
    "Base-2 exponents of 20000 seeded gradients against fp16's ranges: unscaled, a fifth of them fall below 2⁻²⁵ and become zero and most of the rest are subnormal; multiplied by 2¹⁶ the whole histogram moves right into the normal range, clear of overflow at 65504."

  static let exponents = -45...19

  /// Counts of gradients per base-2 exponent, after multiplying by `scale`.
  static func histogram(scale: Float) -> [Double] {
    var counts = [Double](repeating: 0, count: exponents.count)
    for g in QuantizationExamples.gradients {
      let exponent = Int((g * scale).exponent)
      let index =
        Swift.min(Swift.max(exponent, exponents.lowerBound), exponents.upperBound)
        - exponents.lowerBound
      counts[index] += 1
    }
    return counts
  }

  /// What fp16 does with a number of this exponent.
  enum Zone {
    case vanishes, subnormal, normal, overflows
    init(exponent: Int) {
      if exponent < -25 {
        self = .vanishes
      } else if exponent < -14 {
        self = .subnormal
      } else if exponent <= 15 {
        self = .normal
      } else {
        self = .overflows
      }
    }
    var fill: String {
      switch self {
      case .vanishes: return "#b5524a"
      case .subnormal: return "#d9a441"
      case .normal: return "#4a7ab5"
      case .overflows: return "#7a1f1a"
      }
    }
    var symbol: Character {
      switch self {
      case .vanishes: return "0"
      case .subnormal: return "s"
      case .normal: return "n"
      case .overflows: return "∞"
      }
    }
    var ansi: Int {
      switch self {
      case .vanishes, .overflows: return 31
      case .subnormal: return 33
      case .normal: return 34
      }
    }
  }

  static func svg() -> String {
    let (left, width, panelHeight) = (40.0, 610.0, 150.0)
    let barWidth = width / Double(exponents.count)
    var canvas = SVGCanvas(width: 680, height: 2 * panelHeight + 50, style: .helvetica)
    let rows: [(String, Float)] = [
      ("unscaled gradients", 1), ("gradients × 2¹⁶ (loss scale 65536)", 65536),
    ]
    for (index, (title, scale)) in rows.enumerated() {
      let top = Double(index) * panelHeight + 10
      let base = top + 120
      canvas.text(title, x: left, y: top + 14, size: 13)
      let counts = histogram(scale: scale)
      let largest = counts.max() ?? 1
      for (offset, count) in counts.enumerated() where count > 0 {
        let zone = Zone(exponent: exponents.lowerBound + offset)
        let height = Swift.max(1, count / largest * 95)
        canvas.rect(
          x: left + Double(offset) * barWidth + 0.5, y: base - height, width: barWidth - 1,
          height: height, fill: zone.fill)
      }
      canvas.line(x1: left, y1: base, x2: left + width, y2: base, stroke: "#555")
    }
    let axis = 2 * panelHeight + 10
    for exponent in stride(from: -45, through: 15, by: 5) {
      let x = left + Double(exponent - exponents.lowerBound) * barWidth + barWidth / 2
      canvas.text(FigureText.power(2, exponent), x: x, y: axis, size: 10, anchor: "middle")
    }
    let legend: [(Zone, String)] = [
      (.vanishes, "rounds to 0"), (.subnormal, "subnormal: fewer bits"), (.normal, "normal fp16"),
      (.overflows, "overflow to ∞"),
    ]
    for (offset, (zone, label)) in legend.enumerated() {
      let x = left + Double(offset) * 150
      canvas.rect(x: x, y: axis + 14, width: 12, height: 12, fill: zone.fill)
      canvas.text(label, x: x + 18, y: axis + 24, size: 11)
    }
    return canvas.document(title: caption)
  }

  static func terminal(color: Bool) -> String {
    var lines: [String] = []
    let zones = exponents.map { Zone(exponent: $0) }
    for (title, scale) in [("unscaled gradients", Float(1)), ("gradients × 2¹⁶", 65536)] {
      lines.append(title)
      for row in TerminalDrawing.histogram(histogram(scale: scale), rows: 3) {
        let painted = zip(row, zones).map {
          TerminalDrawing.paint(String($0), $1.ansi, color: color)
        }
        lines.append(painted.joined())
      }
    }
    lines.append(String(zones.map(\.symbol)))
    lines.append(
      "2⁻⁴⁵" + String(repeating: " ", count: 16) + "2⁻²⁵" + String(repeating: " ", count: 7)
        + "2⁻¹⁴" + String(repeating: " ", count: 25) + "2¹⁵")
    lines.append("0 = rounds to zero, s = subnormal, n = normal fp16, ∞ = overflows")
    return lines.joined(separator: "\n")
  }
}
