; One query for JavaScript, TypeScript and TSX (node types the three grammars share), run only
; where the text names an SDK resource (extract.ts: resourceHits), never over the whole tree.

; Candidate SDK calls: `<receiver>.<path>.<method>(...)`; extract.ts checks the path.
(call_expression
  function: (member_expression
    property: (property_identifier) @_method) @callee
  arguments: (arguments) @args
  (#any-of? @_method "create" "parse" "stream" "generate" "edit" "createVariation")) @call
