package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// dispatcher calls the bound services' methods by name ("SystemService.Version")
// with JSON arguments, the way the Wails bridge does in the desktop face. The
// browser face routes every /api/call through it.
type dispatcher struct {
	methods map[string]reflect.Value
}

var errorType = reflect.TypeOf((*error)(nil)).Elem()

func newDispatcher(bound []any) *dispatcher {
	d := &dispatcher{methods: map[string]reflect.Value{}}
	for _, b := range bound {
		v := reflect.ValueOf(b)
		typeName := reflect.Indirect(v).Type().Name()
		for i := 0; i < v.NumMethod(); i++ {
			m := v.Type().Method(i)
			d.methods[typeName+"."+m.Name] = v.Method(i)
		}
	}
	return d
}

// errUnknownMethod and errBadArguments are usage errors of the transport itself.
var (
	errUnknownMethod = errors.New("unknown method")
	errBadArguments  = errors.New("bad arguments")
)

// call invokes name with the raw JSON arguments and returns the result value.
func (d *dispatcher) call(name string, rawArgs []json.RawMessage) (any, error) {
	name = strings.TrimPrefix(name, "app.") // accept the package-qualified form too
	fn, ok := d.methods[name]
	if !ok {
		return nil, fmt.Errorf("%w: %s", errUnknownMethod, name)
	}
	t := fn.Type()
	if len(rawArgs) != t.NumIn() {
		return nil, fmt.Errorf("%w: %s takes %d arguments, got %d", errBadArguments, name, t.NumIn(), len(rawArgs))
	}
	in := make([]reflect.Value, t.NumIn())
	for i := range in {
		p := reflect.New(t.In(i))
		if err := json.Unmarshal(rawArgs[i], p.Interface()); err != nil {
			return nil, fmt.Errorf("%w: argument %d of %s: %v", errBadArguments, i+1, name, err)
		}
		in[i] = p.Elem()
	}
	out := fn.Call(in)
	var result any
	for _, o := range out {
		if o.Type() == errorType {
			if !o.IsNil() {
				return nil, o.Interface().(error)
			}
			continue
		}
		result = o.Interface()
	}
	return result, nil
}
