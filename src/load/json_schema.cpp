#include "load/json_schema.h"

#include <nlohmann/json.hpp>

namespace esc {
namespace {

using json = nlohmann::ordered_json;

json field_schema(const FieldSpec& f);

json shape_schema(const Shape& shape, std::string_view description = {}) {
  auto object = [&](std::span<const FieldSpec> extra, const Variant* variant) {
    json o;
    o["type"] = "object";
    if (!description.empty()) o["description"] = description;
    json props = json::object();
    json required = json::array();
    auto add = [&](std::span<const FieldSpec> fields) {
      for (const FieldSpec& f : fields) {
        json p = field_schema(f);
        if (variant && !variant->value.empty() && f.key == variant->key) p = json{{"const", variant->value}};
        props[std::string(f.key)] = p;
        if (f.required) required.push_back(f.key);
      }
    };
    add(shape.fields);
    add(extra);
    o["properties"] = props;
    if (!required.empty()) o["required"] = required;
    o["patternProperties"] = json{{"^x-.", json{{"description",
        "An extension key (x-jira: OPS-123): any value, accepted in every mapping and ignored by "
        "every check."}}}};
    o["additionalProperties"] = false;
    return o;
  };
  if (shape.variants.empty()) return object({}, nullptr);
  json one_of = json::array();
  for (const Variant& v : shape.variants) one_of.push_back(object(v.fields, &v));
  json s;
  if (!description.empty()) s["description"] = description;
  s["oneOf"] = one_of;
  return s;
}

json scalar_schema(FieldType type, std::span<const std::string_view> enums, int min, int max) {
  json s;
  switch (type) {
    case FieldType::string:
      s["type"] = "string";
      s["pattern"] = "^[^\\u0000-\\u0008\\u000a-\\u001f\\u007f]*$";
      break;
    case FieldType::text:
      s["type"] = "string";
      break;
    case FieldType::integer:
      s["type"] = "integer";
      if (min >= 0) s["minimum"] = min;
      if (max >= 0) s["maximum"] = max;
      break;
    case FieldType::number:
      s["type"] = "number";
      if (min >= 0) s["minimum"] = min;
      break;
    case FieldType::boolean:
      s["type"] = "boolean";
      break;
    case FieldType::enumeration:
      s["enum"] = json::array();
      for (auto e : enums) s["enum"].push_back(e);
      break;
    case FieldType::calendar: {
      json names = {{"enum", json::array()}};
      for (auto e : enums) names["enum"].push_back(e);
      s["anyOf"] = json::array({names, {{"type", "string"}, {"pattern", "\\.ics$"}}});
      break;
    }
    case FieldType::timestamp:
      s["type"] = "string";
      s["format"] = "date-time";
      s["pattern"] =
          "^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$";
      break;
    case FieldType::date:
      s["type"] = "string";
      s["format"] = "date";
      s["pattern"] = "^\\d{4}-\\d{2}-\\d{2}$";
      break;
    case FieldType::date_or_timestamp:
      s["type"] = "string";
      s["pattern"] =
          "^\\d{4}-\\d{2}-\\d{2}([Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2}))?$";
      break;
    case FieldType::duration:
      s["type"] = "string";
      s["pattern"] = "^[0-9]+(m|h|d|bd)$";
      break;
    case FieldType::id:
      s["type"] = "string";
      s["pattern"] = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
      break;
    default:
      break;
  }
  return s;
}

json field_schema(const FieldSpec& f) {
  json s;
  switch (f.type) {
    case FieldType::mapping:
      s = shape_schema(*f.shape);
      break;
    case FieldType::any_mapping: {
      s["type"] = "object";
      json v;
      v["enum"] = json::array();
      for (auto e : f.enum_values) v["enum"].push_back(e);
      s["additionalProperties"] = v;
      break;
    }
    case FieldType::list: {
      s["type"] = "array";
      if (f.item_type == FieldType::mapping)
        s["items"] = shape_schema(*f.shape);
      else
        s["items"] = scalar_schema(f.item_type, f.enum_values, -1, -1);
      if (f.min > 0) s["minItems"] = f.min;
      if (f.max > 0) s["maxItems"] = f.max;
      break;
    }
    default:
      s = scalar_schema(f.type, f.enum_values, f.min, f.max);
  }
  json out;
  out["description"] = f.description;
  for (auto& [k, v] : s.items()) out[k] = v;
  return out;
}

std::string document(const Shape& shape, std::string_view id, std::string_view title,
                     std::string_view description) {
  json doc;
  doc["$schema"] = "https://json-schema.org/draft/2020-12/schema";
  doc["$id"] = id;
  doc["title"] = title;
  json body = shape_schema(shape, description);  // a named value: items() must not outlive it
  for (auto& [k, v] : body.items()) doc[k] = v;
  return doc.dump(2) + "\n";
}

}  // namespace

std::string record_json_schema() {
  return document(record_shape(), "https://escalate.example.com/schemas/incident.schema.json",
                  "escalate incident record, version 1",
                  "One customer escalation, kept as YAML in a git repository and checked by "
                  "`escalate check` against the Customer Escalation Management Playbook.");
}

std::string config_json_schema() {
  return document(config_shape(), "https://escalate.example.com/schemas/config.schema.json",
                  "escalate configuration (.escalate.yaml)",
                  "Configuration of escalate: triage window, cadences, business-day calendar, "
                  "rule severities and lint-comms patterns.");
}

}  // namespace esc
