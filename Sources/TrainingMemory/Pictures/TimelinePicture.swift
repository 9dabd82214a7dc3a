import Drawing
import Harness

/// The `training-timeline` picture: live memory at each moment of the lesson's example step.
enum TimelinePicture {
  static let components = [
    BarComponent(name: "weights + optimizer state", fill: "#4e79a7", shade: "█", ansi: 34),
    BarComponent(name: "activations a", fill: "#76b7b2", shade: "▓", ansi: 36),
    BarComponent(name: "activation gradients δ", fill: "#edc948", shade: "▒", ansi: 33),
    BarComponent(name: "weight gradients g", fill: "#f28e2b", shade: "░", ansi: 31),
  ]

  static let picture = Picture(
    "training-timeline",
    caption:
      "Live memory at each moment of one training step of the lesson's three-layer example: "
      + "activations pile up in the forward pass and are released in the backward pass, "
      + "while weight gradients accumulate.",
    svg: { svg(TrainingTimeline(TrainingTimeline.lessonExample)) },
    terminal: { terminal(TrainingTimeline(TrainingTimeline.lessonExample), color: $0) })

  private static func segments(_ moment: TrainingTimeline.Moment) -> [(BarComponent, UInt64)] {
    zip(components, [moment.resident, moment.activations, moment.deltas, moment.weightGradients])
      .map { ($0, $1) }
  }

  private static func megabytes(_ bytes: UInt64) -> String {
    TrainingMemoryFigures.gb(bytes, unit: "MB")
  }

  static func svg(_ timeline: TrainingTimeline) -> String {
    let moments = timeline.moments
    let peak = timeline.peak
    let (left, top, plotHeight, barWidth, gap) = (70.0, 50.0, 260.0, 46.0, 18.0)
    let width = max(left + Double(moments.count) * (barWidth + gap) + 20, 720)
    var canvas = SVGCanvas(width: width, height: top + plotHeight + 110, style: .styledLabels)
    canvas.text(
      "Live memory during one training step (lesson example)", x: left, y: 24, size: 15,
      bold: true)
    // A round axis maximum with room above the peak for its labels, in steps of 50 MB.
    let step: UInt64 = 50_000_000
    let axisMax = (peak.total + peak.total / 8) / step * step + step
    let scale = plotHeight / Double(axisMax)
    var tick: UInt64 = 0
    while tick <= axisMax {
      let y = top + plotHeight - Double(tick) * scale
      canvas.line(x1: left - 4, y1: y, x2: width - 20, y2: y, stroke: "#e3e3e3", width: 1)
      canvas.text(megabytes(tick), x: left - 8, y: y + 4, size: 10, anchor: "end")
      tick += step
    }
    for (index, moment) in moments.enumerated() {
      let x = left + gap / 2 + Double(index) * (barWidth + gap)
      var y = top + plotHeight
      for (component, bytes) in segments(moment) where bytes > 0 {
        let height = Double(bytes) * scale
        y -= height
        canvas.rect(x: x, y: y, width: barWidth, height: height, fill: component.fill)
      }
      canvas.text(
        megabytes(moment.total), x: x + barWidth / 2, y: y - 5, size: 10, anchor: "middle",
        bold: moment == peak)
      canvas.text(
        moment.label, x: x + barWidth / 2, y: top + plotHeight + 16, size: 11, anchor: "middle")
    }
    let peakY = top + plotHeight - Double(peak.total) * scale
    canvas.line(x1: left, y1: peakY, x2: width - 20, y2: peakY, stroke: "#c0392b", dashed: true)
    canvas.text(
      "peak \(megabytes(peak.total)) at \(peak.label)", x: width - 22, y: peakY - 6, size: 11,
      anchor: "end", fill: "#c0392b")
    var legendX = left
    for component in components {
      canvas.rect(
        x: legendX, y: top + plotHeight + 34, width: 12, height: 12, fill: component.fill)
      canvas.text(component.name, x: legendX + 17, y: top + plotHeight + 44, size: 11)
      legendX += 30 + Double(component.name.count) * 6.6
    }
    canvas.text(
      "forward keeps every activation; backward frees each one after its last use",
      x: left, y: top + plotHeight + 72, size: 11, fill: "#555555", italic: true)
    return canvas.document()
  }

  static func terminal(_ timeline: TrainingTimeline, color: Bool) -> String {
    let peak = timeline.peak
    let scale = 48 / Double(max(peak.total, 1))
    var lines = ["Live memory during one training step (lesson example)"]
    for moment in timeline.moments {
      let bar = StackedBar.bar(segments(moment), scale: scale, color: color)
      let barLength = Int((Double(moment.total) * scale).rounded())
      let marker = moment == peak ? "  ◀ peak" : ""
      lines.append(
        TerminalDrawing.pad(moment.label, 6) + bar + String(repeating: " ", count: 49 - barLength)
          + TerminalDrawing.pad(megabytes(moment.total), 7, right: true) + marker)
    }
    lines.append(StackedBar.legend(components, color: color))
    return lines.joined(separator: "\n")
  }
}
