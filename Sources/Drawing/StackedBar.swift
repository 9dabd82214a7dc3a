/// One coloured component of a stacked bar: its SVG fill, its terminal shade and ANSI colour.
public struct BarComponent: Sendable {
  /// The name the legend prints.
  public let name: String
  /// The SVG fill.
  public let fill: String
  /// The character drawn without colour.
  public let shade: Character
  /// The ANSI colour drawn with colour.
  public let ansi: Int

  /// A component from its name and its three looks.
  public init(name: String, fill: String, shade: Character, ansi: Int) {
    self.name = name
    self.fill = fill
    self.shade = shade
    self.ansi = ansi
  }
}

/// Stacked bars in a terminal: a run of characters per component.
public enum StackedBar {
  /// A bar of `segments` (bytes per component), `scale` characters per byte.
  public static func bar(_ segments: [(BarComponent, UInt64)], scale: Double, color: Bool)
    -> String
  {
    var text = ""
    var drawn = 0
    var exact = 0.0
    for (component, bytes) in segments {
      exact += Double(bytes) * scale
      // Cumulative rounding keeps the bar's length true to the total.
      let count = max(0, Int(exact.rounded()) - drawn)
      drawn += count
      guard count > 0 else { continue }
      let run = String(repeating: color ? "█" : String(component.shade), count: count)
      text += TerminalDrawing.paint(run, component.ansi, color: color)
    }
    return text
  }

  /// A legend line: each component's shade (or colour) and name.
  public static func legend(_ components: [BarComponent], color: Bool) -> String {
    components.map { component in
      let mark =
        color ? TerminalDrawing.paint("█", component.ansi, color: true) : String(component.shade)
      return "\(mark) \(component.name)"
    }.joined(separator: "   ")
  }
}
