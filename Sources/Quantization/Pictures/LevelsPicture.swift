import Drawing
import Harness

/// The `quantization-levels` picture: seeded weights, their histogram, and which of the 255 int8
/// levels they use, with and without one outlier.
enum LevelsPicture: PictureDrawing {
  static let id = "quantization-levels"
  static let caption =
    "4096 bell-shaped weights and the 255 int8 levels absmax scaling spreads over their range: without an outlier most levels are used; one outlier ten times larger stretches the grid so that the weights share a few dozen levels."

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
    return canvas.document(title: caption)
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
