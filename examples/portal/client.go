package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Client is a person's or the rating system's HTTP client of a portal, as the smoke mode
// and the tests drive it: it keeps the session cookie (Go's cookie jar keeps a Secure
// cookie for https alone, and the smoke mode serves http on loopback) and the form token.
type Client struct {
	Base   string // "http://127.0.0.1:8080"
	HTTP   *http.Client
	cookie string
	token  string
}

// NewClient returns a client of the portal at base that follows no redirect, so that each
// answer's status can be checked.
func NewClient(base string) *Client {
	return &Client{Base: base, HTTP: &http.Client{
		Timeout:       30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

// Answer is a response read whole.
type Answer struct {
	Status   int
	Header   http.Header
	Body     []byte
	Location string
}

// Text is the answer's body as text.
func (a Answer) Text() string { return string(a.Body) }

// Do sends a request with the session cookie and reads the answer whole.
func (c *Client) Do(ctx context.Context, method, path string, body io.Reader, header http.Header) (Answer, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.Base+path, body)
	if err != nil {
		return Answer{}, err
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	if c.cookie != "" {
		req.Header.Set("Cookie", sessionCookie+"="+c.cookie)
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return Answer{}, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	for _, ck := range resp.Cookies() {
		if ck.Name == sessionCookie {
			c.cookie = ck.Value
			if ck.MaxAge < 0 {
				c.cookie = ""
			}
		}
	}
	return Answer{Status: resp.StatusCode, Header: resp.Header, Body: b, Location: resp.Header.Get("Location")}, err
}

// Get sends a GET.
func (c *Client) Get(ctx context.Context, path string) (Answer, error) {
	return c.Do(ctx, http.MethodGet, path, nil, nil)
}

// Post posts a form with the session's form token.
func (c *Client) Post(ctx context.Context, path string, form url.Values) (Answer, error) {
	f := url.Values{"csrf": {c.token}}
	for k, vs := range form {
		f[k] = vs
	}
	return c.Do(ctx, http.MethodPost, path, strings.NewReader(f.Encode()),
		http.Header{"Content-Type": {"application/x-www-form-urlencoded"}})
}

// tokenField finds the form token in a page.
var tokenField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// Login signs in and reads the session's form token from the worklist.
func (c *Client) Login(ctx context.Context, user, password string) error {
	a, err := c.Do(ctx, http.MethodPost, "/login", strings.NewReader(url.Values{"username": {user}, "password": {password}}.Encode()),
		http.Header{"Content-Type": {"application/x-www-form-urlencoded"}})
	if err != nil {
		return err
	}
	if a.Status != http.StatusSeeOther || c.cookie == "" {
		return fmt.Errorf("sign-in as %s: status %d", user, a.Status)
	}
	if a, err = c.Get(ctx, "/"); err != nil {
		return err
	}
	m := tokenField.FindSubmatch(a.Body)
	if m == nil {
		return fmt.Errorf("sign-in as %s: no form token on the worklist (status %d)", user, a.Status)
	}
	c.token = string(m[1])
	return nil
}

// Push sends a rating as the rating system does, signed with secret when it is not empty,
// at time ts.
func (c *Client) Push(ctx context.Context, body []byte, secret []byte, ts time.Time) (Answer, error) {
	h := http.Header{"Content-Type": {"application/json"}}
	if len(secret) > 0 {
		h.Set(headerTimestamp, strconv.FormatInt(ts.Unix(), 10))
		h.Set(headerSignature, Sign(secret, ts.Unix(), body))
	}
	return c.Do(ctx, http.MethodPost, "/push", bytes.NewReader(body), h)
}
