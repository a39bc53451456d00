; Run only where the text names an SDK resource (extract.ts: resourceHits), never over the whole tree.

; Candidate SDK calls: `<receiver>.<path>.<method>(...)` where the method is one the SDK
; exposes. extract.ts checks the full method path and the receiver's origin.
(call
  function: (attribute
    attribute: (identifier) @_method) @callee
  arguments: (argument_list) @args
  (#any-of? @_method "create" "parse" "stream" "generate" "edit" "create_variation")) @call
