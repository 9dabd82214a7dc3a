import Drawing
import Harness

/// The `block-lifetimes` pictures: when each tensor of the transformer block is live, which
/// buffer a plan gives it (greedy by size, or the optimum found by brute force), and the live
/// bytes at each step.
enum BlockLifetimesPicture {
  /// The plan drawn by greedy by size.
  static let greedy = picture(
    "block-lifetimes", optimal: false,
    caption:
      "Lifetimes of a transformer block's tensors, coloured by the buffer greedy by size gives "
      + "them; the skip connections keep x and r alive across whole branches.")

  /// The best plan, which brute force finds.
  static let optimal = picture(
    "block-lifetimes-optimal", optimal: true,
    caption:
      "The same lifetimes with the best sharing brute force finds: n1 moves into r's buffer, "
      + "and three buffers reach the peak.")

  /// The picture of the greedy plan, or of the best one when `optimal`.
  private static func picture(_ id: String, optimal: Bool, caption: String) -> Picture {
    Picture(
      id, caption: caption, svg: { svg(optimal: optimal) },
      terminal: { terminal(color: $0, optimal: optimal) })
  }

  private static var graph: ComputationGraph { .lessonBlock }

  private static func plan(optimal: Bool) -> BufferAssignment {
    optimal ? ReferencePlanning.optimalAssignment(graph) : ReferencePlanning.greedyBySize(graph)
  }

  static func terminal(color: Bool, optimal: Bool) -> String {
    let graph = graph
    let spans = ReferencePlanning.lifetimes(graph)
    let plan = plan(optimal: optimal)
    let live = ReferencePlanning.liveBytes(graph)
    let steps = graph.stepCount
    func padded(_ text: String, _ width: Int) -> String { TerminalDrawing.pad(text, width) }
    var lines = [
      padded("tensor", 7) + padded("bytes", 10)
        + (0..<steps).map { padded(String($0), 3) }.joined() + "buffer"
    ]
    for (index, tensor) in graph.tensors.enumerated() {
      let buffer = plan.bufferOfTensor[index]
      let cells = (0..<steps).map { step in
        spans[index].first <= step && step <= spans[index].last ? "\u{2588}\u{2588} " : "   "
      }.joined()
      lines.append(
        padded(tensor.name, 7) + padded(FigureText.bytes(tensor.bytes), 10)
          + TerminalDrawing.paint(
            cells, Palette.categoricalANSI[buffer % Palette.categoricalANSI.count], color: color)
          + String(buffer))
    }
    let top = live.max() ?? 0
    lines.append(
      padded("live", 17) + live.map { "\(TerminalDrawing.sparkBlock($0, maximum: top))  " }.joined()
        + "peak " + FigureText.bytes(top))
    lines.append(
      (optimal ? "best plan: " : "greedy by size: ")
        + "\(plan.bufferBytes.count) buffers, \(FigureText.bytes(plan.totalBytes))")
    return lines.joined(separator: "\n")
  }

  static func svg(optimal: Bool) -> String {
    let graph = graph
    let spans = ReferencePlanning.lifetimes(graph)
    let plan = plan(optimal: optimal)
    let live = ReferencePlanning.liveBytes(graph)
    let steps = graph.stepCount
    let (left, top, cell, row) = (150.0, 70.0, 62.0, 24.0)
    let chartTop = top + row * Double(graph.tensors.count) + 30
    let chartHeight = 90.0
    let width = Int(left + cell * Double(steps) + 120)
    let height = Int(chartTop + chartHeight + 40)
    let peak = Double(max(live.max() ?? 1, 1))
    var canvas = SVGCanvas(width: Double(width), height: Double(height), style: .weighted)
    canvas.text(
      "One transformer block: lifetimes and shared buffers", x: 16, y: 24, size: 15, bold: true)
    canvas.text(
      "2048 tokens × hidden 4096, fp16; colour = buffer from "
        + (optimal ? "the best plan " : "greedy by size ")
        + "(\(plan.bufferBytes.count) buffers, \(FigureText.bytes(plan.totalBytes)))",
      x: 16, y: 44, size: 12, fill: "#555")
    for step in 0..<steps {
      let name = graph.operations[graph.order[step]].name
      canvas.text(
        "\(step) \(name)", x: left + cell * (Double(step) + 0.5), y: top - 8, size: 10,
        anchor: "middle")
    }
    for (index, tensor) in graph.tensors.enumerated() {
      let y = top + row * Double(index)
      let buffer = plan.bufferOfTensor[index]
      let colour = Palette.categorical[buffer % Palette.categorical.count]
      canvas.text(
        "\(tensor.name)  \(FigureText.bytes(tensor.bytes))", x: left - 10, y: y + 16, size: 12,
        anchor: "end")
      let span = spans[index]
      canvas.rect(
        x: left + cell * Double(span.first) + 3, y: y + 4,
        width: cell * Double(span.last - span.first + 1) - 6, height: row - 8, fill: colour,
        radius: 4)
      canvas.text(
        "buffer \(buffer)", x: left + cell * Double(steps) + 10, y: y + 16, size: 11, fill: colour)
    }
    for (step, bytes) in live.enumerated() {
      let barHeight = chartHeight * Double(bytes) / peak
      let isPeak = Double(bytes) == peak
      canvas.rect(
        x: left + cell * Double(step) + 10, y: chartTop + chartHeight - barHeight,
        width: cell - 20, height: barHeight, fill: isPeak ? "#d62728" : "#999999")
      canvas.text(
        FigureText.bytes(bytes), x: left + cell * (Double(step) + 0.5),
        y: chartTop + chartHeight + 14, size: 9, anchor: "middle")
    }
    canvas.text(
      "live bytes", x: left - 10, y: chartTop + chartHeight / 2, size: 12, anchor: "end")
    return canvas.document(title: "Transformer block lifetimes")
  }
}
