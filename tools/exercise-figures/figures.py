#!/usr/bin/env python3
"""Draws RunStrong's own exercise figures: a simple stick figure per position, as SVG (Python standard library only).

Each figure is a pose (joint angles, forward kinematics) plus props (bench, step, loop band, dumbbell, barbell,
kettlebell, hill). Run from the repository root:

    python3 tools/exercise-figures/figures.py            # writes src/RunStrong.Web/wwwroot/img/exercises/**.svg

The alt text of every picture lives in the catalogue (src/RunStrong.Domain/Catalogue/exercises.json); this script
prints the files it wrote. See docs/decisions/0023-exercise-pictures.md.
"""
import math
import os
import sys

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "RunStrong.Web", "wwwroot", "img", "exercises")
W, H = 240, 160
GROUND = 146  # SVG y of the floor line
# Figures seen from behind are narrow: their pictures show a closer view (x, y, width, height; 3:2 like the rest), so
# the figure is as large on the gym page as a side view.
VIEWS = {"fire-hydrant": (63, 62, 135, 90)}
LEN = dict(torso=44, neck=14, head=9, upper=24, fore=22, thigh=34, shin=32, foot=10)
NEAR, FAR = "#1f2937", "#9ca3af"
BAND, IRON, WOOD = "#dc2626", "#374151", "#c9b79c"


def d(angle, length):
    """A step of length at angle (degrees, counter-clockwise from pointing right, y up)."""
    r = math.radians(angle)
    return length * math.cos(r), length * math.sin(r)


def add(p, v):
    return p[0] + v[0], p[1] + v[1]


def ik(root, target, a, b, bend):
    """Two-bone reach from root towards target: the angles of both bones; bend +1 bends to the left of root->target."""
    dx, dy = target[0] - root[0], target[1] - root[1]
    c = max(1e-6, min(math.hypot(dx, dy), a + b - 0.01))
    base = math.degrees(math.atan2(dy, dx))
    off = math.degrees(math.acos(max(-1.0, min(1.0, (a * a + c * c - b * b) / (2 * a * c)))))
    first = base + bend * off
    j = add(root, d(first, a))
    second = math.degrees(math.atan2(target[1] - j[1], target[0] - j[0]))
    return first, second


class Pose:
    """A stick figure: hip position, torso angle (hip->shoulder), legs and arms as (far, near).

    A limb is a tuple of segment angles (thigh, shin, foot) / (upper arm, forearm), or a dict reaching a point:
    {"to": (x, y), "bend": +1 or -1, "foot": angle}. Points are x right, y up from the floor; angles are degrees
    counter-clockwise from pointing right. hips / shoulders: x offsets of each side, for figures seen from the front.
    """

    def __init__(self, hip, torso, legs, arms, head=None, hips=(0, 0), shoulders=(0, 0), torso_scale=1.0, back_view=False):
        self.back_view = back_view
        self.p = {"hip": hip}
        self.p["shoulder"] = add(hip, d(torso, LEN["torso"] * torso_scale))
        self.p["head"] = add(self.p["shoulder"], d(torso if head is None else head, LEN["neck"] + LEN["head"] - 4))
        for i, leg in enumerate(legs):
            h = add(hip, (hips[i], 0))
            if isinstance(leg, dict):
                thigh, shin = ik(h, leg["to"], LEN["thigh"], LEN["shin"], leg.get("bend", 1))
                foot = leg.get("foot", 0)
                ts = ss = fs = 1.0
            else:
                thigh, shin, foot, ts, ss, fs = (tuple(leg) + (1.0, 1.0, 1.0))[:6]
            k = add(h, d(thigh, LEN["thigh"] * ts))
            a = add(k, d(shin, LEN["shin"] * ss))
            t = add(a, d(foot, LEN["foot"] * fs))
            self.p.update({f"hip{i}": h, f"knee{i}": k, f"ankle{i}": a, f"toe{i}": t})
        for i, arm in enumerate(arms):
            s = add(self.p["shoulder"], (shoulders[i], 0))
            if isinstance(arm, dict):
                upper, fore = ik(s, arm["to"], LEN["upper"], LEN["fore"], arm.get("bend", -1))
                us = fs = 1.0
            else:
                upper, fore, us, fs = (tuple(arm) + (1.0, 1.0))[:4]
            e = add(s, d(upper, LEN["upper"] * us))
            w = add(e, d(fore, LEN["fore"] * fs))
            self.p.update({f"shoulder{i}": s, f"elbow{i}": e, f"hand{i}": w})

    def at(self, name, dx=0.0, dy=0.0):
        x, y = self.p[name]
        return x + dx, y + dy


def sv(p):
    """World point -> SVG coordinates."""
    return round(p[0], 1), round(GROUND - p[1], 1)


def line(a, b, colour, width):
    (x1, y1), (x2, y2) = sv(a), sv(b)
    return f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{colour}" stroke-width="{width}" stroke-linecap="round"/>'


def poly(points, colour, width):
    pts = " ".join(f"{x},{y}" for x, y in map(sv, points))
    return f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="{width}" stroke-linecap="round" stroke-linejoin="round"/>'


def figure(pose, near_leg=1, near_arm=1):
    out = []
    p = pose.p
    if pose.back_view:
        # seen from behind: head, shoulders and arms are beyond the hips, so drawn first and lighter
        hx, hy = sv(p["head"])
        out.append(f'<circle cx="{hx}" cy="{hy}" r="{LEN["head"]}" fill="{FAR}"/>')
        out.append(line(p["shoulder0"], p["shoulder1"], FAR, 7))
        for j in (0, 1):
            out.append(poly([p[f"shoulder{j}"], p[f"elbow{j}"], p[f"hand{j}"]], FAR, 6))
        out.append(line(p["hip"], p["shoulder"], NEAR, 9))
        out.append(line(p["hip0"], p["hip1"], NEAR, 7))
        for i in (0, 1):
            out.append(poly([p[f"hip{i}"], p[f"knee{i}"], p[f"ankle{i}"], p[f"toe{i}"]], NEAR, 7))
        return out
    for i in (1 - near_leg, near_leg):
        colour = NEAR if i == near_leg else FAR
        out.append(poly([p[f"hip{i}"], p[f"knee{i}"], p[f"ankle{i}"], p[f"toe{i}"]], colour, 7))
        if i == 1 - near_leg:
            # the far arm sits behind the torso too
            j = 1 - near_arm
            out.append(poly([p[f"shoulder{j}"], p[f"elbow{j}"], p[f"hand{j}"]], FAR, 6))
    hips = [p["hip0"], p["hip1"]]
    if hips[0] != hips[1]:
        out.append(line(hips[0], hips[1], NEAR, 7))
    shoulders = [p["shoulder0"], p["shoulder1"]]
    if shoulders[0] != shoulders[1]:
        out.append(line(shoulders[0], shoulders[1], NEAR, 7))
    out.append(line(p["hip"], p["shoulder"], NEAR, 9))
    hx, hy = sv(p["head"])
    out.append(f'<circle cx="{hx}" cy="{hy}" r="{LEN["head"]}" fill="{NEAR}"/>')
    out.append(poly([p[f"shoulder{near_arm}"], p[f"elbow{near_arm}"], p[f"hand{near_arm}"]], NEAR, 6))
    return out


# ---- props ---------------------------------------------------------------------------------------------------

def bench(x, w=56, h=34):
    y = GROUND - h
    return [f'<rect x="{x}" y="{y}" width="{w}" height="8" rx="2" fill="{WOOD}"/>',
            f'<line x1="{x + 8}" y1="{y + 8}" x2="{x + 8}" y2="{GROUND}" stroke="{WOOD}" stroke-width="5"/>',
            f'<line x1="{x + w - 8}" y1="{y + 8}" x2="{x + w - 8}" y2="{GROUND}" stroke="{WOOD}" stroke-width="5"/>']


def box(x, w=50, h=26):
    return [f'<rect x="{x}" y="{GROUND - h}" width="{w}" height="{h}" rx="2" fill="{WOOD}"/>']


def wall(x):
    return [f'<line x1="{x}" y1="20" x2="{x}" y2="{GROUND}" stroke="{WOOD}" stroke-width="6"/>']


def band_ring(pose, a, b, t=0.72, size=9):
    """A loop band around the segment a->b at fraction t: a red ring drawn across the limb."""
    (x1, y1), (x2, y2) = pose.p[a], pose.p[b]
    cx, cy = sv((x1 + (x2 - x1) * t, y1 + (y2 - y1) * t))
    angle = -math.degrees(math.atan2(y2 - y1, x2 - x1))
    return [f'<ellipse cx="{cx}" cy="{cy}" rx="3.5" ry="{size}" transform="rotate({round(angle, 1)} {cx} {cy})" '
            f'fill="none" stroke="{BAND}" stroke-width="3.5"/>']


def along(pose, a, b, t):
    (x1, y1), (x2, y2) = pose.p[a], pose.p[b]
    return x1 + (x2 - x1) * t, y1 + (y2 - y1) * t


def band_between(pa, pb):
    """A loop band stretched between two points (front views: knee to knee, ankle to ankle)."""
    return [line(pa, pb, BAND, 4)]


def dumbbell(p, angle=0):
    x, y = sv(p)
    return [f'<g transform="rotate({angle} {x} {y})"><line x1="{x - 9}" y1="{y}" x2="{x + 9}" y2="{y}" stroke="{IRON}" stroke-width="3"/>'
            f'<rect x="{x - 12}" y="{y - 6}" width="6" height="12" rx="1.5" fill="{IRON}"/>'
            f'<rect x="{x + 6}" y="{y - 6}" width="6" height="12" rx="1.5" fill="{IRON}"/></g>']


def barbell(p):
    x, y = sv(p)
    return [f'<circle cx="{x}" cy="{y}" r="15" fill="none" stroke="{IRON}" stroke-width="5"/>',
            f'<circle cx="{x}" cy="{y}" r="3" fill="{IRON}"/>']


def kettlebell(p):
    x, y = sv(p)
    return [f'<path d="M{x - 5} {y + 6} v-5 a5 5 0 0 1 10 0 v5" fill="none" stroke="{IRON}" stroke-width="3"/>',
            f'<circle cx="{x}" cy="{y + 14}" r="9" fill="{IRON}"/>']


def slope(grade_deg):
    """A hill rising to the right at this angle, through the middle of the floor line."""
    dy = math.tan(math.radians(grade_deg)) * W / 2
    return [f'<polygon points="0,{GROUND + dy} {W},{GROUND - dy} {W},{H} 0,{H}" fill="#e5e7eb"/>',
            f'<line x1="0" y1="{GROUND + dy}" x2="{W}" y2="{GROUND - dy}" stroke="#9ca3af" stroke-width="2"/>'], dy


def floor():
    return [f'<line x1="6" y1="{GROUND}" x2="{W - 6}" y2="{GROUND}" stroke="#d1d5db" stroke-width="2"/>']


def svg(title, parts, ground=True, view=(0, 0, W, H)):
    body = "\n  ".join((floor() if ground else []) + parts)
    box = " ".join(str(v) for v in view)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{box}" width="480" height="320" role="img">\n'
            f'  <title>{title}</title>\n  <rect width="{W}" height="{H}" rx="8" fill="#ffffff"/>\n  {body}\n</svg>\n')


# ---- poses: each returns (start pose, end pose, extra props shared by both) -----------------------------------

HANG = (-92, -90)            # an arm hanging by the side
FORWARD = (0, 2)             # an arm held straight forward
ON_BAR = (-60, 120)          # a hand at the shoulder, holding a bar on the back


def standing(x=120, torso=90, arms=(HANG, HANG)):
    return Pose((x, 68), torso, [{"to": (x + 2, 3)}, {"to": (x + 2, 3)}], list(arms))


def hip_thrust():
    start = Pose((109, 17), 149, [{"to": (150, 3)}, {"to": (150, 3)}], [(200, 175), (200, 175)], head=120)
    end = Pose((116, 38), 178, [{"to": (150, 3)}, {"to": (150, 3)}], [(200, 175), (200, 175)], head=150)
    return start, end, bench(16)


def glute_bridge(single=False):
    arms = [{"to": (104, 3)}, {"to": (104, 3)}]
    start_near = (25, 25, 70) if single else {"to": (140, 3)}
    end_near = (32, 32, 90) if single else {"to": (140, 3)}
    start = Pose((104, 10), 180, [{"to": (140, 3)}, start_near], [(0, 0), (0, 0)], head=180)
    end = Pose((100, 34), 212, [{"to": (140, 3)}, end_near], arms, head=180)
    return start, end, []


def squat(arms=(FORWARD, FORWARD)):
    start = Pose((118, 68), 90, [{"to": (124, 3)}, {"to": (124, 3)}], list(arms))
    end = Pose((92, 36), 58, [{"to": (124, 3)}, {"to": (124, 3)}], list(arms), head=70)
    return start, end, []


def split_squat():
    start = Pose((118, 66), 86, [{"to": (70, 38), "foot": 190}, {"to": (152, 3)}], [HANG, HANG])
    end = Pose((110, 40), 80, [{"to": (70, 38), "foot": 190}, {"to": (152, 3)}], [HANG, HANG])
    return start, end, bench(16)


def step_up():
    start = Pose((108, 64), 84, [{"to": (104, 3)}, {"to": (150, 29)}], [(-80, -90), (-100, -90)])
    end = Pose((146, 93), 90, [(-30, -100, -20), {"to": (148, 29)}], [(-100, -90), (-80, -90)])
    return start, end, box(128, 58, 26)


def reverse_lunge():
    start = standing()
    end = Pose((112, 38), 88, [{"to": (70, 8), "foot": -30}, {"to": (142, 3)}], [HANG, HANG])
    return start, end, []


def romanian_deadlift():
    start = standing()
    end = Pose((106, 64), 22, [{"to": (122, 3)}, {"to": (122, 3)}], [HANG, HANG], head=30)
    return start, end, []


def single_leg_rdl():
    start = Pose((120, 68), 90, [(-100, -96, -10), {"to": (122, 3)}], [HANG, HANG])
    end = Pose((116, 64), 4, [(183, 182, 265), {"to": (122, 3)}], [HANG, HANG], head=10)
    return start, end, []


def single_leg_squat(depth_hip, extra):
    start = Pose((118, 68), 90, [(-50, -50, 20), {"to": (122, 3)}], [FORWARD, FORWARD])
    end = Pose((100, depth_hip), 62, [(-8, -6, 75), {"to": (124, 3)}], [FORWARD, FORWARD], head=72)
    return start, end, extra


def kettlebell_swing():
    start = Pose((102, 60), 32, [{"to": (122, 3)}, {"to": (122, 3)}], [(-116, -116), (-118, -118)], head=40)
    end = Pose((118, 68), 90, [{"to": (122, 3)}, {"to": (122, 3)}], [(2, 2), (2, 2)])
    return start, end, []


def fire_hydrant():
    shin = (-90, 0.12, 0.0)  # the shin points at the viewer: foreshortened to a stub
    start = Pose((120, 40), 90, [(-92, *shin[:2], 0, 1, shin[1], 0), (-88, *shin[:2], 0, 1, shin[1], 0)],
                 [(-90, -90), (-90, -90)], hips=(-12, 12), shoulders=(-15, 15), torso_scale=0.25, back_view=True)
    end = Pose((116, 40), 90, [(-94, -90, 0, 1, 0.12, 0), (8, -90, 0, 1, 0.12, 0)],
               [(-92, -90), (-88, -90)], hips=(-12, 12), shoulders=(-15, 15), torso_scale=0.25, back_view=True)
    return start, end, []


def side_lying(top_start, top_end):
    arms = [(208, 75), {"to": (104, 3)}]
    start = Pose((130, 12), 180, [(0, 0, 80, 1, 1, 0.6), top_start], arms, head=172)
    end = Pose((130, 12), 180, [(0, 0, 80, 1, 1, 0.6), top_end], arms, head=172)
    return start, end


def clamshell():
    bottom = (-12, 200, 180, 0.75, 0.7, 0.5)
    arms = [(208, 75), (6, -6, 0.9, 0.8)]
    start = Pose((130, 16), 180, [bottom, (-6, 197, 180, 0.75, 0.7, 0.5)], arms, head=172)
    end = Pose((130, 16), 180, [bottom, (42, 232, 180, 0.75, 0.75, 0.5)], arms, head=172)
    return start, end


def lateral_walk():
    arms = [(-100, -92), (-80, -88)]
    start = Pose((120, 64), 90, [{"to": (106, 3), "bend": -1, "foot": 180}, {"to": (134, 3), "bend": 1}], arms,
                 hips=(-8, 8), shoulders=(-13, 13))
    end = Pose((130, 64), 90, [{"to": (106, 3), "bend": -1, "foot": 180}, {"to": (160, 3), "bend": 1}], arms,
               hips=(-8, 8), shoulders=(-13, 13))
    for p in (start, end):  # feet seen from the front: short
        for i, sign in ((0, -1), (1, 1)):
            p.p[f"toe{i}"] = add(p.p[f"ankle{i}"], (sign * 5, 0))
    return start, end


def side_plank(kind):
    top_arm = (92, 90)
    bottom_arm = (-90, 180, 1, 0.7)
    if kind == "from-knees":
        legs_start = [(-12, 30, 30, 1, 0.5, 0.5), (-11, 32, 30, 1, 0.5, 0.5)]
        legs_end = [(-25, 30, 30, 1, 0.5, 0.5), (-24, 32, 30, 1, 0.5, 0.5)]
        start = Pose((118, 8), 156, legs_start, [bottom_arm, top_arm], head=160)
        end = Pose((118, 15), 160, legs_end, [bottom_arm, top_arm], head=162)
        return start, end
    straight = (-13, -13, 60, 1, 1, 0.6)
    start = Pose((125, 8), 155, [(-4, -4, 60, 1, 1, 0.6), (-3, -3, 60, 1, 1, 0.6)], [bottom_arm, top_arm], head=160)
    end_top = (14, 14, 80, 1, 1, 0.6) if kind == "leg-raise" else (-12, -12, 60, 1, 1, 0.6)
    end = Pose((126, 18), 167, [straight, end_top], [bottom_arm, top_arm], head=168)
    return start, end


def copenhagen(long_lever):
    arms = [(-90, 180, 1, 0.7), (92, 90)]
    poses = []
    for hip, torso, bottom in (((124, 14), 150, (-2, -4, 60, 1, 1, 0.6)), ((118, 32), 186, (-40, -10, 60, 1, 1, 0.6))):
        if long_lever:
            top = {"to": (185, 37), "bend": 1, "foot": 0}
        else:
            knee = (150, 37)
            top = (math.degrees(math.atan2(knee[1] - hip[1], knee[0] - hip[0])), 0, 0)
        pose = Pose(hip, torso, [bottom, top], arms, head=torso + 4)
        if not long_lever:  # the shin lies along the bench
            pose.p["ankle1"], pose.p["toe1"] = add(pose.p["knee1"], (26, 0)), add(pose.p["knee1"], (34, 4))
        poses.append(pose)
    return poses[0], poses[1], bench(140)


def dead_bug(straight_leg):
    table = (90, 0, 80)
    start = Pose((120, 9), 180, [table, table], [(92, 90), (88, 90)], head=180)
    lowered = (12, 10, 70) if straight_leg else (28, -50, 0)
    end = Pose((120, 9), 180, [lowered, table], [(92, 90), (172, 180)], head=180)
    return start, end, []


def calf_raise(step=False, single=False, bent_knee=False, arms=(HANG, HANG)):
    far_single = (-95, -150, -120)
    if step:
        toe, start_foot, end_foot, extra = (118, 20), 25, -55, box(110, 70, 20)
    else:
        toe, start_foot, end_foot, extra = (131, 0.5), 0, -55, []
    poses = []
    for foot in (start_foot, end_foot):
        ankle = add(toe, d(foot + 180, LEN["foot"]))
        hip = (ankle[0] - (6 if bent_knee else 1), ankle[1] + (58 if bent_knee else 65.5))
        leg = {"to": ankle, "foot": foot}
        legs = [far_single if single else leg, leg]
        poses.append(Pose(hip, 90, legs, list(arms)))
    return poses[0], poses[1], extra


def runner(lift, lean=86, air=0.0, x=120):
    """A running or skipping figure: the near leg 'lift' = (thigh, shin, foot), the far leg on the ground."""
    hip_y = 66 + air
    arms_for_lift = [(-50, 40), (-125, -80)]  # far arm forward, near arm back
    return Pose((x, hip_y), lean, [{"to": (x + 4, 3 + air), "foot": -10 if air else 0}, lift], arms_for_lift)


def swap(pose):
    """The same figure with legs and arms swapped (the other side's turn)."""
    out = Pose.__new__(Pose)
    out.back_view = pose.back_view
    out.p = dict(pose.p)
    for n in ("hip", "knee", "ankle", "toe", "shoulder", "elbow", "hand"):
        out.p[f"{n}0"], out.p[f"{n}1"] = pose.p[f"{n}1"], pose.p[f"{n}0"]
    return out


def drill(kind):
    if kind == "leg-swings":
        arms = [HANG, {"to": (186, 100)}]
        start = Pose((120, 68), 90, [{"to": (122, 3)}, (-125, -125, -40)], arms)
        end = Pose((120, 68), 90, [{"to": (122, 3)}, (-40, -40, 10)], arms)
        return start, end, wall(190)
    if kind in ("a-march", "a-skip", "high-knees"):
        thigh = 10 if kind == "high-knees" else -2
        air = 8 if kind in ("a-skip", "high-knees") else 0
        start = runner((thigh, -92, 0), lean=90, air=air)
        return start, swap(start), []
    if kind == "butt-kicks":
        start = runner((-100, 85, 100), lean=88, air=6)
        return start, swap(start), []
    if kind in ("b-march", "b-skip"):
        air = 8 if kind == "b-skip" else 0
        return runner((-2, -92, 0), lean=90, air=air), runner((-20, -24, 5), lean=90, air=air), []
    raise KeyError(kind)


def pogo(single):
    far = (-95, -150, -120) if single else None
    poses = []
    for air, foot in ((0, 0), (14, -70)):
        ankle = (124, 3 + air) if foot == 0 else (124, 8 + air)
        leg = {"to": ankle, "foot": foot}
        poses.append(Pose((120, 68 + air), 90, [far or leg, leg], [(-110, -80), (-70, -80)]))
    return poses[0], poses[1], []


def stride(grade=0.0, x=120):
    start = runner((-55, -110, -10), lean=82, x=x)
    end = runner((-5, -100, 0), lean=80, air=6, x=x)
    end.p["ankle0"], end.p["toe0"] = end.p["ankle0"], add(end.p["ankle0"], d(-60, 10))
    return start, end


def on_hill(pose, grade):
    """Sets a figure on a hill of this angle: each point rises with the ground beneath the figure."""
    rise = math.tan(math.radians(grade)) * (pose.p["hip"][0] - W / 2)
    pose.p = {k: (v[0], v[1] + rise) for k, v in pose.p.items()}
    return pose


# ---- what each rung shows ---------------------------------------------------------------------------------------

def knee_band(p, t=0.8):
    return band_ring(p, "hip1", "knee1", t)


def hand_dumbbell(p, i=1):
    return dumbbell(p.at(f"hand{i}"), 90)


def hip_weight(kind):
    return lambda p: (barbell(p.at("hip", 0, 14)) if kind == "barbell" else dumbbell(p.at("hip", 0, 9)))


def both(*fns):
    return lambda p: [part for fn in fns for part in fn(p)]


NOTHING = lambda p: []  # noqa: E731


def drawings():
    """(exercise/rung) -> (start pose, end pose, shared props, per-pose props, start alt, end alt)."""
    t = {}

    def put(key, poses, each, start_alt, end_alt):
        start, end, shared = poses
        t[key] = (start, end, shared, each, start_alt, end_alt)

    ht_s = "shoulders on a bench, hips low near the floor, knees bent, feet flat"
    ht_e = "hips pushed up level with the shoulders and knees, shins vertical"
    put("hip-thrust/bodyweight", hip_thrust(), NOTHING, ht_s, ht_e)
    put("hip-thrust/banded", hip_thrust(), knee_band, ht_s + ", loop band above the knees", ht_e + ", knees pressing out against the band")
    put("hip-thrust/barbell-plus-band", hip_thrust(), both(knee_band, hip_weight("barbell")),
        ht_s + ", barbell on the hips, loop band above the knees", ht_e + ", barbell on the hips, band above the knees")

    gb_s = "lying on the back, knees bent, feet flat, hips on the floor"
    gb_e = "hips lifted until knees, hips and shoulders form a straight line"
    put("glute-bridge/banded", glute_bridge(), knee_band, gb_s + ", loop band above the knees", gb_e + ", band above the knees")
    put("glute-bridge/dumbbell", glute_bridge(), hip_weight("dumbbell"), gb_s + ", a dumbbell on the hips", gb_e + ", dumbbell on the hips")
    put("glute-bridge/dumbbell-plus-band", glute_bridge(), both(knee_band, hip_weight("dumbbell")),
        gb_s + ", a dumbbell on the hips and a band above the knees", gb_e + ", dumbbell on the hips, band above the knees")
    put("glute-bridge/barbell-plus-band", glute_bridge(), both(knee_band, hip_weight("barbell")),
        gb_s + ", a barbell on the hips and a band above the knees", gb_e + ", barbell on the hips, band above the knees")
    put("single-leg-glute-bridge/dumbbell", glute_bridge(single=True), hip_weight("dumbbell"),
        "lying on the back, one foot flat, the other leg straight, a dumbbell on the hips",
        "hips lifted on one leg, the free leg straight in line with the body, dumbbell on the hips")

    sq_s = "standing tall, feet shoulder-width apart"
    sq_e = "hips back and down until the thighs are level, chest up"
    put("squat/banded", squat(), knee_band, sq_s + ", loop band above the knees", sq_e + ", knees pushed out against the band")
    put("squat/barbell-plus-band", squat((ON_BAR, ON_BAR)), both(knee_band, lambda p: barbell(p.at("shoulder", 0, 2))),
        sq_s + ", barbell across the upper back, band above the knees", sq_e + ", barbell on the back, band above the knees")

    bss_s = "rear foot on a bench behind, front foot flat, standing tall"
    bss_e = "lowered until the front thigh is level, rear knee near the floor"
    put("bulgarian-split-squat/bodyweight", split_squat(), NOTHING, bss_s, bss_e)
    start, end, shared = split_squat()
    for p in (start, end):  # hands at the shoulders, holding the band
        for i in (0, 1):
            s = p.p[f"shoulder{i}"]
            p.p[f"elbow{i}"], p.p[f"hand{i}"] = add(s, (10, -18)), add(s, (4, -2))
    under_foot = lambda p: band_between(p.at("toe1", -4, -1), p.at("hand1"))  # noqa: E731
    put("bulgarian-split-squat/banded", (start, end, shared), under_foot,
        bss_s + ", a loop band under the front foot held at the shoulders", bss_e + ", the band from the front foot to the shoulders")

    put("step-up/bodyweight", step_up(), NOTHING, "one foot on a knee-high box, the other on the floor",
        "standing tall on the box, the other knee lifted")
    put("reverse-lunge/bodyweight", reverse_lunge(), NOTHING, "standing tall, feet hip-width apart",
        "one foot stepped back, both knees bent, rear knee just above the floor")
    put("romanian-deadlift/dumbbells", romanian_deadlift(), lambda p: dumbbell(p.at("hand1"), 0),
        "standing tall, a dumbbell in each hand in front of the thighs",
        "hips pushed back, back flat, dumbbells lowered to mid-shin, knees soft")
    sl_s = "standing on one leg, arms by the sides"
    sl_e = "hinged forward on one leg, the free leg straight out behind, back flat"
    put("single-leg-romanian-deadlift/bodyweight", single_leg_rdl(), NOTHING, sl_s, sl_e)
    put("single-leg-romanian-deadlift/dumbbell", single_leg_rdl(), lambda p: dumbbell(p.at("hand1"), 0),
        sl_s + ", a dumbbell in the hand", sl_e + ", dumbbell lowered towards the floor")

    put("single-leg-squat/to-bench", single_leg_squat(40, bench(44, 50, 34)), NOTHING,
        "standing on one leg in front of a bench, the other leg held forward",
        "sitting back on one leg until the hips touch the bench, the free leg held forward")
    put("single-leg-squat/to-step", single_leg_squat(26, box(40, 56, 18)), NOTHING,
        "standing on one leg in front of a low step, the other leg held forward",
        "lowered on one leg until the hips touch the low step, the free leg held forward")
    put("single-leg-squat/pistol", single_leg_squat(24, []), NOTHING,
        "standing on one leg, the other leg held forward, arms forward",
        "full squat on one leg, the free leg straight out in front off the floor")

    put("kettlebell-swing/kettlebell", kettlebell_swing(), lambda p: kettlebell(p.at("hand1", 0, -4)),
        "hips hinged back, back flat, the kettlebell swung between the legs",
        "hips snapped forward, standing tall, the kettlebell floating at chest height")

    fh_s = "seen from behind: on hands and knees, hands under shoulders, knees under hips"
    fh_e = "seen from behind: one bent knee lifted out to the side to hip height, hips level"
    put("fire-hydrant/bodyweight", fire_hydrant(), NOTHING, fh_s, fh_e)
    knees = lambda p: band_between(along(p, "hip0", "knee0", 0.85), along(p, "hip1", "knee1", 0.85))  # noqa: E731
    put("fire-hydrant/banded", fire_hydrant(), knees, fh_s + ", loop band above the knees", fh_e + ", stretching the band")
    behind_knee = lambda p: dumbbell(p.at("knee1", 0, 6), 90)  # noqa: E731
    put("fire-hydrant/dumbbell", fire_hydrant(), behind_knee, fh_s + ", a dumbbell held behind one knee",
        fh_e + ", the dumbbell held behind the lifted knee")
    put("fire-hydrant/dumbbell-plus-band", fire_hydrant(), both(knees, behind_knee),
        fh_s + ", a dumbbell behind one knee and a band above the knees", fh_e + ", with dumbbell and band")

    sla = side_lying((2, 0, 80, 1, 1, 0.6), (32, 32, 80, 1, 1, 0.6))
    sla_s = "lying on one side, head on the lower arm, legs straight and stacked"
    sla_e = "top leg raised to about 35 degrees, toes pointing forward"
    put("side-lying-hip-abduction/bodyweight", (*sla, []), NOTHING, sla_s, sla_e)
    legs_band = lambda p: band_between(along(p, "hip0", "knee0", 0.9), along(p, "hip1", "knee1", 0.9))  # noqa: E731
    put("side-lying-hip-abduction/banded", (*sla, []), legs_band, sla_s + ", loop band above the knees", sla_e + ", stretching the band")

    cl_s = "lying on one side, hips and knees bent, knees and feet together"
    cl_e = "top knee opened upwards, feet still together, hips stacked"
    put("clamshell/bodyweight", (*clamshell(), []), NOTHING, cl_s, cl_e)
    put("clamshell/banded", (*clamshell(), []), lambda p: band_between(p.at("knee0"), p.at("knee1")),
        cl_s + ", loop band above the knees", cl_e + ", stretching the band")

    lw = lateral_walk()
    lw_s = "seen from the front: half squat, feet hip-width apart"
    lw_e = "seen from the front: one foot stepped out to the side against the band"
    for rung, spot, where in (("band-above-knees", ("hip", "knee", 0.85), "above the knees"),
                              ("band-at-ankles", ("knee", "ankle", 0.85), "at the ankles"),
                              ("band-at-feet", ("ankle", "toe", 0.6), "around the forefoot")):
        a, b, frac = spot
        fn = (lambda a, b, frac: lambda p: band_between(along(p, f"{a}0", f"{b}0", frac), along(p, f"{a}1", f"{b}1", frac)))(a, b, frac)
        put(f"banded-lateral-walk/{rung}", (*lw, []), fn, f"{lw_s}, loop band {where}", f"{lw_e}, band {where}")

    put("side-plank/from-knees", (*side_plank("from-knees"), []), NOTHING,
        "lying on one side on the forearm, knees bent, hips on the floor",
        "hips lifted so shoulders, hips and knees form a straight line, forearm under the shoulder")
    put("side-plank/leg-raise", (*side_plank("leg-raise"), []), NOTHING,
        "lying on one side on the forearm, legs straight, hips on the floor",
        "hips lifted into a side plank, the top leg raised")

    put("copenhagen-plank/short-lever", copenhagen(False), NOTHING,
        "lying on one side on the forearm, top knee on a bench, hips on the floor",
        "hips lifted in line with the body, top knee on the bench, lower leg lifted towards the bench")
    put("copenhagen-plank/long-lever", copenhagen(True), NOTHING,
        "lying on one side on the forearm, top ankle on a bench, hips on the floor",
        "hips lifted in line with the body, top ankle on the bench, lower leg lifted towards the bench")

    put("dead-bug/bent-knee", dead_bug(False), NOTHING,
        "lying on the back, arms straight up, hips and knees bent at right angles",
        "one arm lowered overhead while the opposite heel taps the floor, knee bent, lower back flat")
    put("dead-bug/straight-leg", dead_bug(True), NOTHING,
        "lying on the back, arms straight up, hips and knees bent at right angles",
        "one arm lowered overhead while the opposite leg straightens just above the floor, lower back flat")

    for ex, single, bent in (("calf-raise", False, False), ("single-leg-calf-raise", True, False), ("bent-knee-calf-raise", False, True)):
        how = "on one foot" if single else "on both feet"
        knee = ", knees bent" if bent else ""
        rungs = {"calf-raise": ("floor", "step", "dumbbell"), "single-leg-calf-raise": ("floor", "step", "dumbbell"),
                 "bent-knee-calf-raise": ("both-legs", "single-leg", "dumbbell")}[ex]
        for rung in rungs:
            on_step = rung in ("step",) or (rung == "dumbbell" and not bent)
            one = single or rung == "single-leg"
            arms = (HANG, HANG)
            extra = (lambda p: dumbbell(p.at("hand1"), 90)) if rung == "dumbbell" else NOTHING
            weight = (", a dumbbell in each hand" if bent else ", a dumbbell in one hand") if rung == "dumbbell" else ""
            if on_step:
                s = f"standing {('on one foot' if one else 'on both feet')} with the balls of the feet on a step edge{knee}, heels dropped below it{weight}"
            else:
                s = f"standing {('on one foot' if one else how)} on the floor{knee}, heels down{weight}"
            e = "risen high onto the toes" + (", knees still bent" if bent else "") + (", dumbbell in hand" if weight else "")
            put(f"{ex}/{rung}", calf_raise(step=on_step, single=one, bent_knee=bent, arms=arms), extra, s, e)

    put("leg-swings/leg-swings", drill("leg-swings"), NOTHING,
        "standing tall, one hand on a wall, the free leg swung back", "the free leg swung forward and up, hips square")
    put("a-skips/marching", drill("a-march"), NOTHING, "standing tall, one knee driven up to hip height, opposite arm forward",
        "the other knee up, arms swapped")
    put("a-skips/skipping", drill("a-skip"), NOTHING, "skipping: one knee up to hip height, the other foot off the ground",
        "the other knee up, arms swapped")
    put("high-knees/high-knees", drill("high-knees"), NOTHING, "running on the spot: one knee above hip height",
        "the other knee up, arms swapped")
    put("butt-kicks/butt-kicks", drill("butt-kicks"), NOTHING, "jogging: one heel flicked up to the buttocks",
        "the other heel up, arms swapped")
    put("b-skips/b-march", drill("b-march"), NOTHING, "marching: one knee up to hip height",
        "the same leg extended forward before pawing down")
    put("b-skips/b-skip", drill("b-skip"), NOTHING, "skipping: one knee up to hip height",
        "the same leg extended forward before pawing down")
    put("pogo-hops/both-feet", pogo(False), NOTHING, "standing on the balls of both feet, legs nearly straight",
        "in the air after a quick bounce off the ankles, toes pointed")
    put("pogo-hops/single-leg", pogo(True), NOTHING, "standing on the ball of one foot, leg nearly straight",
        "in the air after a quick bounce off one ankle, toes pointed")
    st = stride()
    put("strides/strides", (*st, []), NOTHING, "running tall: the front foot landing under the hips",
        "toe-off: pushing the ground away, the other knee driving forward")

    for rung, grade, slope_text in (("8-seconds", 7, "a hill of about 6 to 8 percent"),
                                    ("10-seconds", 11, "a steeper hill"),
                                    ("12-seconds", 8, "a hill of about 10 percent")):
        s, e = stride()
        t[f"hill-sprints/{rung}"] = (on_hill(s, grade), on_hill(e, grade), slope(grade)[0], NOTHING,
                                     f"sprinting up {slope_text}: the front foot landing under the hips, body leaning into the hill",
                                     f"sprinting up {slope_text}: toe-off, the other knee driving forward")
    for rung, grade, text in (("rolling", 4, "a gentle rolling climb"), ("sustained-climbs", 8, "a long steady climb")):
        s, e = stride()
        t[f"hilly-run/{rung}"] = (on_hill(s, grade), on_hill(e, grade), slope(grade)[0], NOTHING,
                                  f"easy running up {text}: short steps, upright", f"easy running up {text}: the other foot forward")
    return t


def fit(*poses):
    """A scale that keeps the tallest of these figures (head included) inside the picture."""
    top = max(y for pose in poses for _, y in pose.p.values()) + LEN["head"]
    return min(1.0, (GROUND - 8) / top)


def render(pose, shared, each, title, hill=False, scale=1.0, view=(0, 0, W, H)):
    parts = ([] if hill else list(shared)) + figure(pose) + each(pose)
    if scale < 1.0:
        s = round(scale, 3)
        parts = [f'<g transform="translate({W / 2} {GROUND}) scale({s}) translate({-W / 2} {-GROUND})">'] + parts + ["</g>"]
    return svg(title, (list(shared) if hill else []) + parts, ground=not hill, view=view)


def main():
    import json
    names = {e["slug"]: {v["slug"]: v["name"] for v in e["progression"]}
             for e in json.load(open(os.path.join(os.path.dirname(__file__), "..", "..", "src", "RunStrong.Domain", "Catalogue", "exercises.json")))["exercises"]}
    manifest = {}
    for key, (start, end, shared, each, start_alt, end_alt) in drawings().items():
        exercise, rung = key.split("/")
        name = names[exercise][rung]
        os.makedirs(os.path.join(OUT, exercise), exist_ok=True)
        hill = exercise in ("hill-sprints", "hilly-run")
        scale = fit(start, end)
        for position, pose, alt in (("start", start, start_alt), ("end", end, end_alt)):
            text = f"{name}, {position}: {alt}"
            path = os.path.join(OUT, exercise, f"{rung}-{position}.svg")
            with open(path, "w", encoding="utf-8") as f:
                f.write(render(pose, shared, each, text, hill, scale, VIEWS.get(exercise, (0, 0, W, H))))
            manifest.setdefault(key, []).append({"file": f"{exercise}/{rung}-{position}.svg", "position": position, "alt": text})
    if "--manifest" in sys.argv:
        print(json.dumps(manifest, indent=1))
    else:
        print(f"wrote {2 * len(manifest)} figures under {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
