/// Colours for pictures that tell several things apart by colour alone.
public enum Palette {
  /// Six categorical SVG colours (the first six of matplotlib's tab10).
  public static let categorical = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
  ]
  /// ANSI foreground codes matching `categorical` as closely as eight colours allow.
  public static let categoricalANSI = [34, 33, 32, 31, 35, 36]
}
