import Course
import Foundation
import LearnerWorkspace
import Markdown

/// Compiles and runs the Swift code the lessons show, the way doc tests do.
///
/// Every ```` ```swift ```` block of every lesson becomes a function of one program, wrapped in
/// `#sourceLocation` so a compile error names the lesson's file and line. A block followed by an
/// ```` ```output ```` block is run, and must print exactly that output.
public struct SnippetChecker {
  /// A Swift block of a lesson, with the output it claims to print.
  public struct Snippet: Sendable {
    /// The lesson file.
    public let file: String
    /// The line of the block's first code line.
    public let line: Int
    /// The code.
    public let code: String
    /// The output the lesson shows after it, if any.
    public let expectedOutput: String?

    /// Creates a snippet.
    public init(file: String, line: Int, code: String, expectedOutput: String?) {
      self.file = file
      self.line = line
      self.code = code
      self.expectedOutput = expectedOutput
    }
  }

  /// The workbook.
  public let workspace: Workspace
  /// SwiftPM's build folder (`.build/debug`), so snippets can `import` a topic's kit.
  public let buildFolder: URL?

  /// Creates a checker. With `buildFolder`, a snippet may import any module built there whose
  /// only dependencies are Harness, Units and Drawing (the topics' kits), and the program links
  /// their objects.
  public init(workspace: Workspace, buildFolder: URL? = nil) {
    self.workspace = workspace
    self.buildFolder = buildFolder
  }

  /// The compiler arguments that make the kits a snippet imports available.
  func moduleArguments(for program: String) -> [String] {
    guard let buildFolder else { return [] }
    let imported = program.split(separator: "\n").compactMap(Self.importedModule)
    let manager = FileManager.default
    let local = imported.filter {
      manager.fileExists(atPath: buildFolder.appendingPathComponent("\($0).build").path)
    }
    guard !local.isEmpty else { return [] }
    var arguments = ["-I", buildFolder.appendingPathComponent("Modules").path]
    // Objects built under a sanitizer need its runtime at link time (scripts/asan.sh sets this).
    if let sanitizer = ProcessInfo.processInfo.environment["WORKBOOK_SANITIZER"], !sanitizer.isEmpty
    {
      arguments.append("-sanitize=\(sanitizer)")
    }
    // The harness links its counting malloc (CHeapMeter) into everything that uses it, and a
    // debug build's modules name it as a dependency: the compiler needs its module map too.
    let heapMeterMap = buildFolder.appendingPathComponent("CHeapMeter.build/module.modulemap")
    if manager.fileExists(atPath: heapMeterMap.path) {
      arguments += ["-Xcc", "-fmodule-map-file=\(heapMeterMap.path)"]
    }
    for module in local + ["Harness", "CHeapMeter", "Units", "Drawing"] {
      arguments += Self.objects(in: buildFolder.appendingPathComponent("\(module).build"))
    }
    return arguments
  }

  /// The object files of one module's build folder. For a Swift module, those its output file
  /// map names: a source file renamed or deleted since an earlier build leaves its object
  /// behind, and linking that would define symbols twice or reference ones that are gone. A C
  /// module has no map, and every object in its folder is its own.
  static func objects(in folder: URL) -> [String] {
    let map = folder.appendingPathComponent("output-file-map.json")
    if let data = try? Data(contentsOf: map),
      let entries = try? JSONDecoder().decode([String: [String: String]].self, from: data)
    {
      return entries.values.compactMap { $0["object"] }.sorted()
    }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".o") }.sorted().map {
      folder.appendingPathComponent($0).path
    }
  }

  /// Every Swift block of the course, in order.
  public static func snippets(in course: Course) -> [Snippet] {
    course.lessons.flatMap { lesson -> [Snippet] in
      let nodes = lesson.blocks.compactMap { block -> MarkdownNode? in
        if case .markdown(let node) = block { return node }
        return nil
      }
      var snippets: [Snippet] = []
      for (index, node) in nodes.enumerated() {
        guard case .codeBlock(let info, let code) = node.kind,
          info.split(separator: " ").first == "swift"
        else {
          continue
        }
        var expected: String?
        if index + 1 < nodes.count,
          case .codeBlock(let nextInfo, let output) = nodes[index + 1].kind,
          nextInfo.split(separator: " ").first == "output"
        {
          expected = output
        }
        snippets.append(
          Snippet(
            file: lesson.file, line: node.start.line + 1, code: code, expectedOutput: expected))
      }
      return snippets
    }
  }

  /// Compiles all snippets into one program, runs those with expected output, and returns one
  /// `file:line: message` line per problem (none when every snippet compiles and prints what
  /// its lesson says).
  public func check(_ snippets: [Snippet]) throws -> [String] {
    guard !snippets.isEmpty else { return [] }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snippets-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = folder.appendingPathComponent("main.swift")
    let text = program(snippets)
    try text.write(to: source, atomically: true, encoding: .utf8)
    let binary = folder.appendingPathComponent("snippets")
    let compile = runCommand(
      ["swiftc", "-suppress-warnings", "-o", binary.path, source.path] + moduleArguments(for: text),
      in: workspace.root)
    guard compile.status == 0 else {
      var seen = Set<String>()
      return compile.output.split(separator: "\n").filter { $0.contains(": error:") }.map {
        $0.replacingOccurrences(of: workspace.root.path + "/", with: "")
      }.filter { seen.insert($0).inserted }
    }
    var problems: [String] = []
    for (index, snippet) in snippets.enumerated() {
      let run = runCommand([binary.path, String(index)], in: folder)
      if run.status != 0 {
        problems.append(
          "\(snippet.file):\(snippet.line): the Swift block exits with status \(run.status)")
      } else if let expected = snippet.expectedOutput, run.output != expected {
        problems.append(
          "\(snippet.file):\(snippet.line): the Swift block prints \(quoted(run.output)) but the lesson shows \(quoted(expected))"
        )
      }
    }
    return problems
  }

  /// One program: imports hoisted to the top, each snippet in its own function.
  func program(_ snippets: [Snippet]) -> String {
    var imports = Set(["import Foundation"])
    var functions: [String] = []
    for (index, snippet) in snippets.enumerated() {
      var body: [String] = []
      for line in snippet.code.split(separator: "\n", omittingEmptySubsequences: false) {
        if Self.importedModule(line) != nil {
          imports.insert(String(line))
          body.append("")
        } else {
          body.append(String(line))
        }
      }
      let path = workspace.url(snippet.file).path
      functions.append(
        "func snippet\(index)() throws {\n#sourceLocation(file: \"\(path)\", line: \(snippet.line))\n"
          + body.joined(separator: "\n") + "\n#sourceLocation()\n}\n")
    }
    let cases = snippets.indices.map { "case \($0): try snippet\($0)()" }.joined(separator: "\n")
    return imports.sorted().joined(separator: "\n") + "\n\n" + functions.joined(separator: "\n")
      + "\nswitch Int(CommandLine.arguments.dropFirst().first ?? \"\") ?? -1 {\n\(cases)\ndefault: break\n}\n"
  }

  /// The module an `import M` line imports, also when it opens the module's SPI (`@_spi(Reference)
  /// import M`, as a lesson does to show the reference tools); nil for any other line.
  static func importedModule(_ line: Substring) -> String? {
    if line.hasPrefix("import ") { return String(line.dropFirst(7)) }
    guard line.hasPrefix("@_spi("), let range = line.range(of: ") import ") else { return nil }
    return String(line[range.upperBound...])
  }

  private func quoted(_ text: String) -> String {
    "\u{201C}" + text.replacingOccurrences(of: "\n", with: "⏎") + "\u{201D}"
  }
}
