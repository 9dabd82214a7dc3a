import Course
import Foundation
import Markdown

/// Runs one input through the whole lesson pipeline: cmark parse, the course model, and every
/// renderer. Any crash, hang or leak here is a bug, whatever the bytes.
func exerciseLessonPipeline(_ data: UnsafeRawBufferPointer) {
  let source = String(decoding: data, as: UTF8.self)
  let (lesson, diagnostics) = Lesson.parse(source: source, name: "Fuzz", file: "Lessons/Fuzz.md")
  _ = diagnostics.map(\.description)
  let picture: (String) -> (caption: String, svg: String, text: String)? = { id in
    (id, "<svg/>", id)
  }
  // One renderer per input, chosen by its first byte, so each run stays cheap while the corpus
  // as a whole reaches every renderer and both editions.
  let choice = Int(data.first ?? 0)
  let formats = MarkdownFormat.allCases
  if choice % (formats.count + 1) == formats.count {
    _ = TerminalRenderer(width: 60, style: TerminalStyle(color: choice & 0x80 != 0)) { $0 }.render(
      lesson)
  } else {
    let format = formats[choice % (formats.count + 1)]
    _ = DocumentRenderer(format: format, answers: choice & 0x80 != 0, picture: picture).render(
      lesson)
  }
  _ = lesson.blocks.flatMap(FigureReference.all(in:))
}

#if FUZZING
  /// libFuzzer's entry point (`swiftc -sanitize=fuzzer` links libFuzzer's own main).
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    exerciseLessonPipeline(UnsafeRawBufferPointer(start: start, count: count))
    return 0
  }
#else
  /// Without the fuzzer: replays files (a corpus, a crash reproducer) through the pipeline.
  @main
  enum LessonFuzzerReplay {
    static func main() {
      let paths = CommandLine.arguments.dropFirst()
      for path in paths {
        guard let data = FileManager.default.contents(atPath: path) else {
          FileHandle.standardError.write(Data("LessonFuzzer: cannot read \(path)\n".utf8))
          exit(66)
        }
        data.withUnsafeBytes(exerciseLessonPipeline)
      }
      print("replayed \(paths.count) inputs")
    }
  }
#endif
