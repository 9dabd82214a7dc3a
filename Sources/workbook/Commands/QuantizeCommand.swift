import ArgumentParser
@_spi(Reference) import Quantization

/// `workbook quantize`: quantize a handful of values and show every step of the mapping.
struct QuantizeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quantize",
    abstract: "Quantize values to int8 (symmetric) or uint8 (affine) and show the error.",
    discussion: """
      Prints the scale, the zero point, the codes, what the codes stand for, and the largest
      error. Give the values after --, so that negative numbers are not read as options:
        workbook quantize -- 0.42 -1.27 0.05
        workbook quantize --scheme affine --json -- -1.2 0 0.7 3.9
        workbook quantize --per-channel 2 -- 0.02 -0.01 0.015 3 -1.5 0.5
      With --per-channel ROWS the values are a row-major matrix of ROWS rows, each with its own
      scale; in --json output, scale, zeroPoint and maxError then become arrays with one entry
      per row, q and dequantized arrays of rows, and rows and columns give the shape.
      """)

  @Option(help: "symmetric (int8, scale = absmax / 127) or affine (uint8, min/max calibration).")
  var scheme: String = "symmetric"

  @Option(
    name: .customLong("per-channel"),
    help: ArgumentHelp("Treat the values as ROWS rows, one scale per row.", valueName: "ROWS"))
  var rows: Int?

  @Flag(help: "Print one JSON object instead of text.")
  var json = false

  @Argument(help: "The values to quantize (after --).")
  var values: [String] = []

  func run() throws {
    let report: QuantizeReport
    do {
      report = try QuantizeTool.run(arguments: values, scheme: scheme, rows: rows)
    } catch let error as QuantizeToolError {
      throw ValidationError(error.description)
    }
    print(json ? report.json : report.text)
  }
}
