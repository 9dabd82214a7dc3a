import Drawing
import Harness
import Units

/// The `zero-stages` picture: per-GPU model states of a 7.5B model on 64 GPUs under each ZeRO
/// stage, the example of the ZeRO paper's Figure 1, computed by the kit's accounting.
enum ZeroStagesPicture {
  static let components = [
    BarComponent(name: "fp16 weights", fill: "#4e79a7", shade: "█", ansi: 34),
    BarComponent(name: "fp16 gradients", fill: "#f28e2b", shade: "▓", ansi: 33),
    BarComponent(name: "fp32 master weights", fill: "#59a14f", shade: "▒", ansi: 32),
    BarComponent(name: "Adam m and v (fp32)", fill: "#e15759", shade: "░", ansi: 31),
  ]

  static let parameters: UInt64 = 7_500_000_000
  static let gpus = 64

  static let picture = Picture(
    "zero-stages",
    caption:
      "Model states per GPU for a 7.5B-parameter model trained with mixed-precision Adam on 64 "
      + "GPUs: plain data parallelism, then ZeRO stages 1, 2 and 3.",
    svg: { svg((try? rows()) ?? []) },
    terminal: { terminal((try? rows()) ?? [], color: $0) })

  /// One bar per stage: its label and the per-GPU breakdown.
  static func rows() throws -> [(String, MemoryBreakdown)] {
    let setup = try TrainingSetup.mixedPrecision(parameters: parameters)
    let labels = [
      "no sharding", "stage 1: optimizer states", "stage 2: + gradients",
      "stage 3: + weights",
    ]
    return try (0...3).map { (labels[$0], try Accounting.perGPU(setup, stage: $0, gpus: gpus)) }
  }

  private static func segments(_ breakdown: MemoryBreakdown) -> [(BarComponent, UInt64)] {
    zip(
      components, [breakdown.weights, breakdown.gradients, breakdown.master, breakdown.optimizer]
    )
    .map { ($0, $1) }
  }

  static func svg(_ rows: [(String, MemoryBreakdown)]) -> String {
    let (left, top, barHeight, gap, plotWidth) = (190.0, 56.0, 30.0, 18.0, 480.0)
    let height = top + Double(rows.count) * (barHeight + gap) + 70
    var canvas = SVGCanvas(width: left + plotWidth + 110, height: height, style: .styledLabels)
    canvas.text(
      "Model states per GPU: 7.5B parameters, mixed-precision Adam, \(gpus) GPUs", x: 20, y: 26,
      size: 15, bold: true)
    let largest = rows.map(\.1.total).max() ?? 1
    let scale = plotWidth / Double(max(largest, 1))
    for (index, (label, breakdown)) in rows.enumerated() {
      let y = top + Double(index) * (barHeight + gap)
      canvas.text(label, x: left - 10, y: y + barHeight / 2 + 4, size: 12, anchor: "end")
      var x = left
      for (component, bytes) in segments(breakdown) where bytes > 0 {
        let width = max(Double(bytes) * scale, 0.8)
        canvas.rect(x: x, y: y, width: width, height: barHeight, fill: component.fill)
        x += width
      }
      canvas.text(
        ByteFormatting.decimal(Double(breakdown.total)), x: x + 8, y: y + barHeight / 2 + 4,
        size: 12, bold: true)
    }
    var legendX = 20.0
    let legendY = height - 34
    for component in components {
      canvas.rect(x: legendX, y: legendY, width: 12, height: 12, fill: component.fill)
      canvas.text(component.name, x: legendX + 17, y: legendY + 10, size: 11)
      legendX += 30 + Double(component.name.count) * 6.6
    }
    return canvas.document()
  }

  static func terminal(_ rows: [(String, MemoryBreakdown)], color: Bool) -> String {
    let largest = rows.map(\.1.total).max() ?? 1
    let scale = 44 / Double(max(largest, 1))
    let labelWidth = (rows.map(\.0.count).max() ?? 0) + 2
    var lines = ["Model states per GPU: 7.5B parameters, mixed-precision Adam, \(gpus) GPUs"]
    for (label, breakdown) in rows {
      // A sliver of a shard still shows as one character.
      let bar = StackedBar.bar(segments(breakdown), scale: scale, color: color)
      let shown = bar.isEmpty ? TerminalDrawing.paint("▏", 31, color: color) : bar
      lines.append(
        TerminalDrawing.pad(label, labelWidth) + shown + " "
          + ByteFormatting.decimal(Double(breakdown.total)))
    }
    lines.append(StackedBar.legend(components, color: color))
    return lines.joined(separator: "\n")
  }
}
