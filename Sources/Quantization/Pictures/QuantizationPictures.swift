import Drawing
import Harness

/// The pictures of the Quantization lesson, drawn from data the topic computes.
public enum QuantizationPictures {
  /// All pictures of the lesson.
  public static var all: [Picture] {
    [levels, error, lossScaling]
  }

  /// Seeded weights, their histogram, and which of the 255 int8 levels they use, with and
  /// without one outlier.
  static let levels = Picture(
    "quantization-levels",
    caption:
      "4096 bell-shaped weights and the 255 int8 levels absmax scaling spreads over their range: without an outlier most levels are used; one outlier ten times larger stretches the grid so that the weights share a few dozen levels.",
    svg: { LevelsPicture.svg() },
    terminal: { LevelsPicture.terminal(color: $0) })

  /// The error x′ − x across the top of the int8 range: a sawtooth within ±scale/2, then a ramp
  /// once clamping starts.
  static let error = Picture(
    "quantization-error",
    caption:
      "The rounding error x′ − x, in units of the scale, for values near the top of the symmetric int8 range: inside the range it stays within ±½; past 127.5 × scale every value is clamped to code 127 and the error grows without bound.",
    svg: { ErrorPicture.svg() },
    terminal: { ErrorPicture.terminal(color: $0) })

  /// Gradient exponents before and after loss scaling, against the ranges of fp16.
  static let lossScaling = Picture(
    "loss-scaling-shift",
    caption:
      "Base-2 exponents of 20000 seeded gradients against fp16's ranges: unscaled, a fifth of them fall below 2⁻²⁵ and become zero and most of the rest are subnormal; multiplied by 2¹⁶ the whole histogram moves right into the normal range, clear of overflow at 65504.",
    svg: { LossScalingPicture.svg() },
    terminal: { LossScalingPicture.terminal(color: $0) })
}

/// Data and drawing of `quantization-levels`.
enum LevelsPicture {
  struct Panel {
    let title: String
    let histogram: [Double]
    let used: [Bool]  // per code −127...127
  }

  static let bins = 64

  static func panels() -> [Panel] {
    [false, true].map { outlier in
      let values = QuantizationExamples.weights(outlier: outlier)
      let absmax = Double(values.map(\.magnitude).max() ?? 1)
      var histogram = [Double](repeating: 0, count: bins)
      for x in values {
        let bin = Int(((Double(x) + absmax) / (2 * absmax) * Double(bins)).rounded(.down))
        histogram[Swift.min(Swift.max(bin, 0), bins - 1)] += 1
      }
      let codes = (try? ReferenceQuantizer.symmetric(values).q) ?? []
      var used = [Bool](repeating: false, count: 255)
      for code in codes { used[code + 127] = true }
      let count = used.filter { $0 }.count
      let title =
        (outlier ? "with one outlier" : "without outliers")
        + ": absmax \(FigureText.number(absmax, decimals: 3)), \(count) of 255 levels used"
      return Panel(title: title, histogram: histogram, used: used)
    }
  }

  static func svg() -> String {
    let (left, plotWidth, panelHeight) = (30.0, 620.0, 190.0)
    var canvas = SVGCanvas(width: 680, height: 2 * panelHeight + 20, style: .helvetica)
    for (index, panel) in panels().enumerated() {
      let top = Double(index) * panelHeight + 10
      canvas.text(panel.title, x: left, y: top + 14, size: 13)
      let largest = panel.histogram.max() ?? 1
      let barWidth = plotWidth / Double(bins)
      let base = top + 130
      for (bin, count) in panel.histogram.enumerated() where count > 0 {
        let height = Swift.max(1, count / largest * 100)
        canvas.rect(
          x: left + Double(bin) * barWidth + 0.5, y: base - height, width: barWidth - 1,
          height: height,
          fill: "#4a7ab5")
      }
      canvas.line(x1: left, y1: base, x2: left + plotWidth, y2: base, stroke: "#555")
      if index == 1 {
        canvas.text(
          "the outlier ↓", x: left + plotWidth, y: base - 10, size: 11, anchor: "end",
          fill: "#b5524a")
      }
      for (offset, used) in panel.used.enumerated() {
        let x = left + Double(offset) / 254 * plotWidth
        canvas.line(
          x1: x, y1: base + 6, x2: x, y2: base + 22, stroke: used ? "#1d3f6e" : "#d0d0d0", width: 1)
      }
      canvas.text("−absmax (code −127)", x: left, y: base + 38, size: 11)
      canvas.text("0", x: left + plotWidth / 2, y: base + 38, size: 11, anchor: "middle")
      canvas.text("absmax (code 127)", x: left + plotWidth, y: base + 38, size: 11, anchor: "end")
    }
    return canvas.document(title: QuantizationPictures.levels.caption)
  }

  static func terminal(color: Bool) -> String {
    var lines: [String] = []
    for panel in panels() {
      lines.append(panel.title)
      lines += TerminalDrawing.histogram(panel.histogram, rows: 3).map {
        TerminalDrawing.paint($0, 34, color: color)
      }
      // One character per bin: how many of the levels under it are used.
      let shades: [Character] = [" ", "░", "▒", "▓", "█"]
      let usage = (0..<bins).map { bin -> Character in
        let lower = bin * 255 / bins
        let upper = Swift.max(lower + 1, (bin + 1) * 255 / bins)
        let fraction = Double(panel.used[lower..<upper].filter { $0 }.count) / Double(upper - lower)
        return shades[Int((fraction * 4).rounded())]
      }
      lines.append(String(usage) + "  levels used")
      let middle = String(repeating: " ", count: bins / 2 - 8)
      lines.append(
        "−absmax" + middle + "0" + String(repeating: " ", count: bins - 7 - middle.count - 7)
          + "absmax")
      lines.append("")
    }
    return lines.dropLast().joined(separator: "\n")
  }
}

/// Data and drawing of `quantization-error`.
enum ErrorPicture {
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
    return canvas.document(title: QuantizationPictures.error.caption)
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

/// Data and drawing of `loss-scaling-shift`.
enum LossScalingPicture {
  static let exponents = -45...19

  /// Counts of gradients per base-2 exponent, after multiplying by `scale`.
  static func histogram(scale: Float) -> [Double] {
    var counts = [Double](repeating: 0, count: exponents.count)
    for g in QuantizationExamples.gradients() {
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
    return canvas.document(title: QuantizationPictures.lossScaling.caption)
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
