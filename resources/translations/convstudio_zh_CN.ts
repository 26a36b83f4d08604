<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About ConvStudio</source>
        <extracomment>The lesson the app follows, as it is titled (in Traditional Chinese). What the app uses and under which licence (an SPDX name), in the order a reader looks.</extracomment>
        <translation>关于 ConvStudio</translation>
    </message>
    <message>
        <source>ConvStudio {0}</source>
        <translation>ConvStudio {0}</translation>
    </message>
    <message>
        <source>Steps through the 2-D convolution of a convolutional neural network, number by number, on numbers you can edit.</source>
        <translation>一步一步走过卷积神经网络的 2D 卷积，每个数字都看得到，而且都能修改。</translation>
    </message>
    <message>
        <source>It follows the lesson “{0}”.</source>
        <translation>它依照课程“{0}”。</translation>
    </message>
    <message>
        <source>Licence: MIT. Free to use, change and share.</source>
        <translation>许可证：MIT。可自由使用、修改和分享。</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>Made with these, each under its own licence:
{0}
Qt and PySide6 are used unchanged, as installed: under the LGPL you may replace them with a build of your own.</source>
        <translation>使用了以下软件，各有各的许可证：
{0}
Qt 和 PySide6 按安装时的原样使用，没有修改：依照 LGPL，你可以换成自己构建的版本。</translation>
    </message>
    <message>
        <source>For a bug report, copy these versions:</source>
        <translation>报告问题时，请复制这些版本信息：</translation>
    </message>
    <message>
        <source>&amp;Copy the versions</source>
        <translation>复制版本信息(&amp;C)</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>Your unsaved work cannot be kept in case ConvStudio closes unexpectedly, and your kernels cannot be saved: {0}. Scenes you save yourself are kept.</source>
        <translation>ConvStudio 意外关闭时无法保留你未保存的工作，也无法保存你的卷积核：{0}。你自己保存的场景不受影响。</translation>
    </message>
    <message>
        <source>an autosave file</source>
        <translation>自动保存文件</translation>
    </message>
    <message>
        <source>{0} is not valid JSON.</source>
        <translation>{0} 不是有效的 JSON。</translation>
    </message>
    <message>
        <source>{0} is not a ConvStudio autosave file.</source>
        <translation>{0} 不是 ConvStudio 自动保存文件。</translation>
    </message>
    <message>
        <source>{0} was made by {1}; this is ConvStudio {2}, which cannot read it.</source>
        <translation>{0} 是 {1} 做的；这里是 ConvStudio {2}，读不了它。</translation>
    </message>
    <message>
        <source>{0} has an unknown version.</source>
        <translation>{0} 的版本未知。</translation>
    </message>
    <message>
        <source>{0}: “source” or “saved_at” is damaged.</source>
        <translation>{0}：“source”或“saved_at”已损坏。</translation>
    </message>
</context>
<context>
    <name>BackpropExplain</name>
    <message>
        <source>∂L/∂Y = {0} sent back: {1} added to {2} cells</source>
        <extracomment>{0}: the gradient, {1}: the products, one per cell; {2}: how many cells.</extracomment>
        <translation>∂L/∂Y = {0} 往回传：{1} 分别加到 {2} 格</translation>
    </message>
    <message>
        <source>∂L/∂Y = {0} goes to the window&apos;s winner, {1}, alone; its other {2} cells get 0</source>
        <extracomment>{0}: the gradient; {1}: the window&apos;s largest value (its winner); {2}: how many other cells the window has.</extracomment>
        <translation>∂L/∂Y = {0} 只传给窗口中的最大值 {1}；其余 {2} 格得到 0</translation>
    </message>
    <message>
        <source>∂L/∂Y = {0} shared: {0} / {1} = {2} to each of {3} cells</source>
        <extracomment>{0}: the gradient; {1}: the divisor; {2}: each cell&apos;s share; {3}: how many cells.</extracomment>
        <translation>∂L/∂Y = {0} 平分：{0} / {1} = {2}，{3} 格各得一份</translation>
    </message>
    <message>
        <source>{0}: the gradient stops here</source>
        <extracomment>{0}: the equation, ending in 0.</extracomment>
        <translation>{0}：梯度到此为止</translation>
    </message>
</context>
<context>
    <name>BackwardPass</name>
    <message>
        <source>Loss: ∂L/∂Y = 2(Y − T)/N, cell by cell</source>
        <translation>损失：∂L/∂Y = 2(Y − T)/N，逐格计算</translation>
    </message>
    <message>
        <source>Layer {0}: update b ← b − η·∂L/∂b</source>
        <translation>第 {0} 层：更新 b ← b − η·∂L/∂b</translation>
    </message>
    <message>
        <source>Layer {0}: update W ← W − η·∂L/∂W</source>
        <translation>第 {0} 层：更新 W ← W − η·∂L/∂W</translation>
    </message>
    <message>
        <source>Layer {0}: ∂L/∂W</source>
        <translation>第 {0} 层：∂L/∂W</translation>
    </message>
    <message>
        <source>Layer {0}: ∂L/∂b</source>
        <translation>第 {0} 层：∂L/∂b</translation>
    </message>
    <message>
        <source>Layer {0}: ∂L/∂X, sent back</source>
        <translation>第 {0} 层：∂L/∂X，往回传</translation>
    </message>
    <message>
        <source>∂L/∂ {0}</source>
        <extracomment>{0} the map&apos;s own title (&quot;Output 4×4&quot;, &quot;Map 2 3×3&quot;, &quot;Kernel 3×3&quot;).</extracomment>
        <translation>∂L/∂ {0}</translation>
    </message>
    <message>
        <source>{0}, updated</source>
        <extracomment>{0} the kernel&apos;s own title (&quot;Kernel 3×3&quot;, &quot;Kernel 2&quot;).</extracomment>
        <translation>{0}，已更新</translation>
    </message>
</context>
<context>
    <name>Budget</name>
    <message>
        <source>This scene&apos;s output has {0} values to print or write; the budget is {1}.</source>
        <extracomment>{0} and {1} are counts (&quot;64 million&quot;, &quot;2 million&quot;).</extracomment>
        <translation>这个场景的输出有 {0} 个数值要打印或写入；上限是 {1} 个。</translation>
    </message>
    <message>
        <source>just over {0}</source>
        <translation>略超过 {0}</translation>
    </message>
    <message>
        <source>This scene needs {0} multiply-adds and {1}; the budget is {2} and {3}.</source>
        <extracomment>{0} and {2} are counts (&quot;1.04 billion&quot;), {1} and {3} sizes (&quot;3 GB&quot;, &quot;544 bytes&quot;).</extracomment>
        <translation>此场景需要的乘加次数为 {0}，内存为 {1}；上限分别为 {2} 和 {3}。</translation>
    </message>
    <message>
        <source>Training this scene needs {0} multiply-adds a step; the budget is {1}.</source>
        <translation>训练此场景每一步需要 {0} 次乘加；上限为 {1} 次。</translation>
    </message>
    <message>
        <source>Training this scene for {0} steps needs about {1} multiply-adds; the budget is {2}: use at most {3} steps.</source>
        <extracomment>{0} and {3} are numbers of steps, {1} and {2} counts (&quot;1.04 billion&quot;)</extracomment>
        <translation>将此场景训练 {0} 步大约需要 {1} 次乘加；上限为 {2} 次：最多使用 {3} 步。</translation>
    </message>
    <message>
        <source>{0} billion</source>
        <translation>{0} × 10⁹</translation>
    </message>
    <message>
        <source>{0} million</source>
        <translation>{0} × 10⁶</translation>
    </message>
    <message>
        <source>{0} bytes</source>
        <translation>{0} 字节</translation>
    </message>
</context>
<context>
    <name>ChannelGrid</name>
    <message>
        <source>Type a number into any white cell; grey cells are padding. Ctrl+V pastes a block copied from a spreadsheet.</source>
        <translation>在任意白色单元格中输入数字；灰色单元格是填充。Ctrl+V 可粘贴从电子表格复制的数据块。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>{0} (see “{1} --help”)</source>
        <extracomment>an argparse error (in English), then the command to ask for help</extracomment>
        <translation>{0}（参见“{1} --help”）</translation>
    </message>
    <message>
        <source>Step through the 2-D convolution of a CNN, number by number.</source>
        <translation>逐个数字地逐步演示 CNN 中的 2 维卷积。</translation>
    </message>
    <message>
        <source>scene file to open (default: the worked example)</source>
        <translation>要打开的场景文件（默认：例题）</translation>
    </message>
    <message>
        <source>show the version number and exit</source>
        <translation>显示版本号并退出</translation>
    </message>
    <message>
        <source>scene file (JSON), or a lesson&apos;s name</source>
        <translation>场景文件（JSON）或课的名称</translation>
    </message>
    <message>
        <source>window size (default {0})</source>
        <translation>窗口大小（默认 {0}）</translation>
    </message>
    <message>
        <source>draw the presentation stage (F5), not the editor</source>
        <translation>绘制演示画面（F5），而不是编辑器</translation>
    </message>
    <message>
        <source>“{0}” is too long a number</source>
        <extracomment>an int option&apos;s value that has too many digits, shortened</extracomment>
        <translation>“{0}”这个数字太长</translation>
    </message>
    <message>
        <source>“{0}” is not a whole number</source>
        <extracomment>an int option&apos;s value that is not a whole number, shortened</extracomment>
        <translation>“{0}”不是整数</translation>
    </message>
    <message>
        <source>“{0}” is not a number</source>
        <extracomment>a decimal option&apos;s value that is not a number, shortened</extracomment>
        <translation>“{0}”不是数字</translation>
    </message>
    <message>
        <source>“{0}” is not three whole numbers L,R,C from 0</source>
        <extracomment>--trace&apos;s value that is not L,R,C, shortened</extracomment>
        <translation>“{0}”不是从 0 起算的三个整数 L,R,C</translation>
    </message>
    <message>
        <source>Commands: “convstudio lessons” lists the lessons (a lesson&apos;s name works wherever a scene file does); “convstudio compute SCENE.json” prints the output map; “convstudio render SCENE.json -o FRAME.png” draws a frame; “convstudio gif SCENE.json -o RUN.gif” draws the whole run; “convstudio train SCENE.json --steps N --lr LR” learns the weights from the scene&apos;s target. Add --help after a command for its options.</source>
        <translation>命令：“convstudio lessons”按顺序显示所有课（凡是能用场景文件的地方，都可以改用课的名称）；“convstudio compute SCENE.json”打印输出特征图；“convstudio render SCENE.json -o FRAME.png”绘制一帧；“convstudio gif SCENE.json -o RUN.gif”绘制整个演示过程；“convstudio train SCENE.json --steps N --lr LR”根据场景的目标学习权重。在命令后加上 --help 可查看它的选项。</translation>
    </message>
    <message>
        <source>Linux: put ConvStudio in your applications menu (an entry and its icon)</source>
        <translation>Linux：把 ConvStudio 放进应用程序菜单（一个条目和它的图标）</translation>
    </message>
    <message>
        <source>Linux: take ConvStudio out of your applications menu again</source>
        <translation>Linux：把 ConvStudio 从应用程序菜单移除</translation>
    </message>
    <message>
        <source>print the output map of a scene (of every layer, for a stack)</source>
        <translation>打印场景的输出特征图（多层的场景打印每一层的）</translation>
    </message>
    <message>
        <source>print the last layer&apos;s shape and output, the parameters and MACs of the whole stack, and “layers”: each layer&apos;s type, output_shape, output, parameters, macs, receptive_field and jump ([rows, cols], in input pixels: a decimal where a transposed convolution makes them a fraction of a pixel), as JSON</source>
        <translation>以 JSON 格式打印最后一层的形状和输出、整个网络的参数和乘加次数，以及“layers”：每一层的 type、output_shape、output、parameters、macs、receptive_field 和 jump（[行, 列]，以输入像素计；转置卷积使它们成为像素的分数时，写成小数）</translation>
    </message>
    <message>
        <source>with --json: add “trace”, the cells that cell (R, C) of layer L&apos;s output depends on (all 0-based): L + 1 objects {{rows: [first, last], cols: [first, last]}}, for the input, then for the output of each layer before L; null where its windows read only padding</source>
        <translation>与 --json 一起用：加上“trace”，即第 L 层输出中 (R, C) 这一格所依赖的格子（都从 0 起算）：L + 1 个对象 {{rows: [第一行, 最后一行], cols: [第一列, 最后一列]}}，先是输入，再依次是 L 之前每一层的输出；窗口只读到填充的地方为 null</translation>
    </message>
    <message>
        <source>with --json: add “matrix”, the first layer&apos;s M as a list of rows, from its input channel 1 to its kernel 1: vec(output) = M · vec(input), the cells in reading order (a convolution or a transposed one; a transposed one&apos;s M is the transpose of the matching convolution&apos;s)</source>
        <translation>与 --json 一起用：加上“matrix”，即第一层从输入通道 1 到卷积核 1 的矩阵 M，以行的数组表示：vec(输出) = M · vec(输入)，单元格按阅读顺序排序（卷积或转置卷积；转置卷积的 M 是对应卷积之矩阵的转置）</translation>
    </message>
    <message>
        <source>write the last layer&apos;s output as CSV instead</source>
        <translation>改为把最后一层的输出写入 CSV 文件</translation>
    </message>
    <message>
        <source>compute even a scene beyond the budget of 10⁹ multiply-adds, 1 GB and 2 million values printed or written</source>
        <translation>即使场景超出 10⁹ 次乘加、1 GB 内存和打印或写入 2 × 10⁶ 个数值的预算，也照样计算</translation>
    </message>
    <message>
        <source>draw the window at one step into a PNG, no display needed</source>
        <translation>把窗口在某一步时的画面绘制成 PNG，无需显示器</translation>
    </message>
    <message>
        <source>PNG file to write</source>
        <translation>要写入的 PNG 文件</translation>
    </message>
    <message>
        <source>0-based step to show (default: all steps done)</source>
        <translation>要显示的步（从 0 开始编号；默认：所有步都已完成）</translation>
    </message>
    <message>
        <source>use this preset (its name, or a kernel file) in place of the kernels of the scene&apos;s first convolution</source>
        <translation>用这个预设（名称或卷积核文件）替换场景中第一个卷积层的卷积核</translation>
    </message>
    <message>
        <source>list the kernel presets, built-in and yours</source>
        <translation>显示卷积核预设，包括内置的和你自己的</translation>
    </message>
    <message>
        <source>print a list of {{name, group, description, weights}} as JSON</source>
        <translation>以 JSON 格式打印由 {{name, group, description, weights}} 组成的数组</translation>
    </message>
    <message>
        <source>list the lessons in order, with their notes</source>
        <translation>按顺序显示各课及其备注</translation>
    </message>
    <message>
        <source>print a list of {{name, title, note, file}} as JSON</source>
        <translation>以 JSON 格式打印由 {{name, title, note, file}} 组成的数组</translation>
    </message>
    <message>
        <source>draw the whole run into an animated GIF, one frame per step, no display needed</source>
        <translation>把整个演示过程绘制成 GIF 动画，每步一帧，无需显示器</translation>
    </message>
    <message>
        <source>GIF file to write</source>
        <translation>要写入的 GIF 文件</translation>
    </message>
    <message>
        <source>steps per second, {0} to {1} (default {2})</source>
        <translation>每秒步数，{0} 到 {1}（默认 {2}）</translation>
    </message>
    <message>
        <source>learn the weights of a scene&apos;s layers from its target by plain gradient descent (mean squared error), and print them</source>
        <translation>用最基本的梯度下降（均方误差）根据场景的目标学习各层的权重，并打印出来</translation>
    </message>
    <message>
        <source>how many steps, {0} to {1}</source>
        <translation>要走几步，{0} 到 {1}</translation>
    </message>
    <message>
        <source>the learning rate, a number above 0</source>
        <translation>学习率，一个大于 0 的数</translation>
    </message>
    <message>
        <source>print “loss” (the loss before each step&apos;s update), “stopped” (null, or “overflow”) and “layers”: one object per layer, a convolution&apos;s trained “kernels” and “bias” (null without a bias) as the scene file writes them, {{}} for other layers, as JSON</source>
        <translation>以 JSON 打印“loss”（每一步更新之前的损失）、“stopped”（null 或“overflow”）和“layers”：每层一个对象，卷积层是训练后的“kernels”和“bias”（没有偏置时为 null），写法与场景文件相同；其他层为 {{}}</translation>
    </message>
    <message>
        <source>with --json: add “gradients”, one object per layer for the first step: “grad_input” (dL/d the layer&apos;s input, its shape) and, for a convolution, “grad_kernels” and “grad_bias”</source>
        <translation>与 --json 一起用：加上“gradients”，第一步每层一个对象：“grad_input”（dL/d 该层的输入，形状与输入相同），卷积层另有“grad_kernels”和“grad_bias”</translation>
    </message>
    <message>
        <source>cannot print the output: standard output is closed</source>
        <translation>无法打印输出：标准输出已关闭</translation>
    </message>
    <message>
        <source>cannot print the output: {0}</source>
        <translation>无法打印输出：{0}</translation>
    </message>
    <message>
        <source>the scene&apos;s settings are impossible: {0}</source>
        <translation>场景的设置无法成立：{0}</translation>
    </message>
    <message>
        <source>--trace: there is no layer L = {0}; L is 0 to {1}</source>
        <extracomment>{0} is the layer asked for, {1} the last layer&apos;s number (0-based)</extracomment>
        <translation>--trace：没有 L = {0} 这一层；L 是 0 到 {1}</translation>
    </message>
    <message>
        <source>--trace: there is no cell ({0}, {1}) in the output of layer L = {2} ({3}), which is {4}×{5}: rows 0 to {6}, columns 0 to {7}</source>
        <extracomment>{0}, {1}: the cell asked for; {2}: the layer (0-based), {3} its type (relu); {4}×{5}: its map&apos;s rows and columns</extracomment>
        <translation>--trace：L = {2} 那一层（{3}）的输出是 {4}×{5}，没有 ({0}, {1}) 这一格：行是 0 到 {6}，列是 0 到 {7}</translation>
    </message>
    <message>
        <source>--matrix: {0}</source>
        <extracomment>{0} is why there is no matrix (a sentence naming the layer).</extracomment>
        <translation>--matrix：{0}</translation>
    </message>
    <message>
        <source># Layer {0} ({1}): {2}</source>
        <extracomment>the heading above each layer&apos;s output in “convstudio compute” of a stack: the layer&apos;s number from 1, its type (relu, max_pool2d), its shape (1×4×4)</extracomment>
        <translation># 第 {0} 层（{1}）：{2}</translation>
    </message>
    <message>
        <source># output channel {0} of {1}</source>
        <extracomment>the heading above each output channel in “convstudio compute”</extracomment>
        <translation># 输出通道 {0}（共 {1} 个）</translation>
    </message>
    <message>
        <source>--trace adds to the JSON output: add --json</source>
        <translation>--trace 是加在 JSON 输出里的：请加上 --json</translation>
    </message>
    <message>
        <source>--matrix adds to the JSON output: add --json</source>
        <translation>--matrix 是加在 JSON 输出里的：请加上 --json</translation>
    </message>
    <message>
        <source>there is not enough memory to compute this scene</source>
        <translation>内存不足，无法计算此场景</translation>
    </message>
    <message>
        <source>cannot write {0}: {1}</source>
        <translation>无法写入 {0}：{1}</translation>
    </message>
    <message>
        <source>{0} of gradient descent at learning rate {1}: the loss went from {2} to {3}.</source>
        <extracomment>{0}: “100 steps”; {1}: the learning rate; {2}, {3}: the loss before and after</extracomment>
        <translation>以学习率 {1} 做了 {0}梯度下降：损失从 {2} 变为 {3}。</translation>
    </message>
    <message>
        <source>{0} of {1} done at learning rate {2}: the loss went from {3} to {4}, then became too large to compute.</source>
        <extracomment>{0}: “162 steps”; {1}: the steps asked for; {2}: the learning rate; {3}, {4}: the loss before the first step and before the last step done</extracomment>
        <translation>以学习率 {2} 完成了 {1} 步中的 {0}：损失从 {3} 变为 {4}，之后大到无法计算。</translation>
    </message>
    <message>
        <source># Layer {0} ({1}): kernel {2}, slice {3}</source>
        <extracomment>a heading in “convstudio train”: the layer&apos;s number and type, then which kernel and which of its slices (one per input channel), from 1</extracomment>
        <translation># 第 {0} 层（{1}）：卷积核 {2}，切片 {3}</translation>
    </message>
    <message>
        <source># Layer {0} ({1}): kernel</source>
        <extracomment>a heading in “convstudio train”: the layer&apos;s number and type (conv2d)</extracomment>
        <translation># 第 {0} 层（{1}）：卷积核</translation>
    </message>
    <message>
        <source>bias: {0}</source>
        <extracomment>the trained bias of a layer in “convstudio train”, one value per kernel</extracomment>
        <translation>偏置：{0}</translation>
    </message>
    <message>
        <source>--gradients adds to the JSON output: add --json</source>
        <translation>--gradients 是加在 JSON 输出里的：请加上 --json</translation>
    </message>
    <message>
        <source>convstudio: warning: {0}</source>
        <extracomment>a warning: the user&apos;s kernels folder cannot be listed ({0} says why)</extracomment>
        <translation>convstudio：警告：{0}</translation>
    </message>
    <message>
        <source>convstudio: {0} is left out: {1}</source>
        <translation>convstudio：已略过 {0}：{1}</translation>
    </message>
    <message>
        <source>--kernel replaces a convolution&apos;s kernels, and this scene has none</source>
        <translation>--kernel 会替换卷积的卷积核，但这个场景没有卷积</translation>
    </message>
    <message>
        <source>there is no kernel preset or file “{0}” (“convstudio presets” lists them)</source>
        <translation>没有名为“{0}”的卷积核预设或文件（“convstudio presets”可显示所有预设）</translation>
    </message>
    <message>
        <source>the kernel “{0}” does not fit this scene: {1}</source>
        <translation>卷积核“{0}”不适用于此场景：{1}</translation>
    </message>
    <message>
        <source>yours</source>
        <extracomment>a group&apos;s heading in “convstudio presets” (the group&apos;s name)</extracomment>
        <translation>我的卷积核</translation>
    </message>
    <message>
        <source>{0}:</source>
        <translation>{0}：</translation>
    </message>
    <message>
        <source>{0} ({1}): {2}</source>
        <extracomment>a kernel preset in “convstudio presets”: name (size, 3×3), description</extracomment>
        <translation>{0}（{1}）：{2}</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <extracomment>a kernel preset with no description in “convstudio presets”: name (size, 3×3)</extracomment>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <source>{0}. {1}: {2}</source>
        <extracomment>a lesson&apos;s heading in “convstudio lessons”: number, name (typed), title</extracomment>
        <translation>{0}. {1}：{2}</translation>
    </message>
    <message>
        <source>--size must look like {0}, not “{1}”</source>
        <translation>--size 的格式应类似 {0}，而不是“{1}”</translation>
    </message>
    <message>
        <source>--size {0} is out of range ({1} to {2})</source>
        <translation>--size {0} 超出范围（{1} 到 {2}）</translation>
    </message>
    <message>
        <source>the scene&apos;s settings are impossible, so it has no steps: {0}</source>
        <translation>场景的设置无法成立，因此没有任何步：{0}</translation>
    </message>
    <message>
        <source>{0} writes {1}: name the file {2}, not “{3}”</source>
        <extracomment>a command (render, gif), what it writes (“PNG images”), the suffix, the file&apos;s name</extracomment>
        <translation>{0} 写入的是 {1}：文件名应以 {2} 结尾，而不是“{3}”</translation>
    </message>
    <message>
        <source>cannot write {0}: the folder {1} does not exist</source>
        <translation>无法写入 {0}：文件夹 {1} 不存在</translation>
    </message>
    <message>
        <source>--size {0} is smaller than the window can be for this scene (at least {1}x{2})</source>
        <translation>--size {0} 小于此场景所需的最小窗口尺寸（至少 {1}x{2}）</translation>
    </message>
    <message>
        <source>--step must be between {0} and {1} for this scene, not {2}</source>
        <translation>对此场景，--step 必须在 {0} 到 {1} 之间，不能是 {2}</translation>
    </message>
    <message>
        <source>PNG images</source>
        <extracomment>what “convstudio render” writes, in “render writes PNG images: name the file .png…”</extracomment>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <source>--fps must be between {0} and {1} steps per second, not {2}</source>
        <translation>--fps 必须在每秒 {0} 到 {1} 步之间，不能是 {2}</translation>
    </message>
    <message>
        <source>GIF animations</source>
        <extracomment>what “convstudio gif” writes, in “gif writes GIF animations: name the file .gif…”</extracomment>
        <translation>GIF 动画</translation>
    </message>
    <message>
        <source>there is no Wayland compositor answering at WAYLAND_DISPLAY={0} and no X display answering at DISPLAY={1}, so the window cannot open; “convstudio render SCENE.json -o frame.png” draws a frame without one</source>
        <translation>WAYLAND_DISPLAY={0} 没有响应的 Wayland 合成器，DISPLAY={1} 也没有响应的 X 显示器，因此无法打开窗口；“convstudio render SCENE.json -o frame.png”无需显示器即可绘制一帧</translation>
    </message>
    <message>
        <source>there is no Wayland compositor answering at WAYLAND_DISPLAY={0}, and DISPLAY is not set, so the window cannot open; “convstudio render SCENE.json -o frame.png” draws a frame without one</source>
        <translation>WAYLAND_DISPLAY={0} 没有响应的 Wayland 合成器，也未设置 DISPLAY，因此无法打开窗口；“convstudio render SCENE.json -o frame.png”无需显示器即可绘制一帧</translation>
    </message>
    <message>
        <source>there is no Wayland compositor answering at WAYLAND_DISPLAY={0}, so the window cannot open; “convstudio render SCENE.json -o frame.png” draws a frame without one</source>
        <translation>WAYLAND_DISPLAY={0} 没有响应的 Wayland 合成器，因此无法打开窗口；“convstudio render SCENE.json -o frame.png”无需显示器即可绘制一帧</translation>
    </message>
    <message>
        <source>“{0}” is neither a command ({1}), a lesson (“convstudio lessons” lists them) nor a scene file</source>
        <translation>“{0}”不是命令（{1}），不是课（“convstudio lessons”可显示所有课），也不是场景文件</translation>
    </message>
    <message>
        <source>there is no display to open the window on (DISPLAY is not set); “convstudio render SCENE.json -o frame.png” draws a frame without one</source>
        <translation>没有可以打开窗口的显示器（未设置 DISPLAY）；“convstudio render SCENE.json -o frame.png”无需显示器即可绘制一帧</translation>
    </message>
    <message>
        <source>there is no X display answering at DISPLAY={0}, so the window cannot open; “convstudio render SCENE.json -o frame.png” draws a frame without one</source>
        <translation>DISPLAY={0} 处没有响应的 X 显示服务，因此无法打开窗口；“convstudio render SCENE.json -o frame.png”无需显示器即可绘制一帧</translation>
    </message>
    <message>
        <source>--install-desktop is for Linux; on Windows and macOS start ConvStudio with “convstudio” (pipx puts it on your PATH)</source>
        <translation>--install-desktop 只用于 Linux；在 Windows 和 macOS 上请用“convstudio”启动 ConvStudio（pipx 会把它放进 PATH）</translation>
    </message>
    <message>
        <source>ConvStudio is in your applications menu: {0}</source>
        <translation>ConvStudio 已在应用程序菜单中：{0}</translation>
    </message>
    <message>
        <source>ConvStudio is out of your applications menu</source>
        <translation>ConvStudio 已从应用程序菜单移除</translation>
    </message>
    <message>
        <source>ConvStudio was not in your applications menu</source>
        <translation>ConvStudio 本来就不在应用程序菜单中</translation>
    </message>
    <message>
        <source>cannot change the applications menu in {0}: {1}</source>
        <translation>无法更改 {0} 里的应用程序菜单：{1}</translation>
    </message>
    <message>
        <source>convstudio: error: {0}</source>
        <translation>convstudio：错误：{0}</translation>
    </message>
</context>
<context>
    <name>CostsPanel</name>
    <message>
        <source>Costs</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>No costs: the settings are impossible.</source>
        <translation>无法统计开销：当前设置无法成立。</translation>
    </message>
    <message>
        <source>Input {0}×{1}×{2}  →  output {3}×{4}×{5}</source>
        <translation>输入 {0}×{1}×{2}  →  输出 {3}×{4}×{5}</translation>
    </message>
    <message>
        <source>Parameters: {0}·{1}·{2}·{3}</source>
        <translation>参数：{0}·{1}·{2}·{3}</translation>
    </message>
    <message>
        <source> + {0} biases</source>
        <translation> + {0} 个偏置</translation>
    </message>
    <message>
        <source>Multiply-adds per output value: {0}·{1}·{2} = {3}</source>
        <translation>每个输出值的乘加次数：{0}·{1}·{2} = {3}</translation>
    </message>
    <message>
        <source>Multiply-adds in all: {0}·{1}·{2}·{3} = {4}</source>
        <translation>乘加总数：{0}·{1}·{2}·{3} = {4}</translation>
    </message>
    <message>
        <source>Fully connected instead: {0}·{1} + {1} = {2} parameters</source>
        <translation>若改用全连接：{0}·{1} + {1} = {2} 个参数</translation>
    </message>
    <message>
        <source>Receptive field: {0}×{1} input cells in each of {2}</source>
        <translation>感受野：每个通道 {0}×{1} 个输入单元格（共 {2}）</translation>
    </message>
    <message>
        <source>Receptive field r and jump j, in input pixels, layer by layer:</source>
        <extracomment>r is the receptive field and j the jump (both in input pixels) of a layer&apos;s output: the formulas follow on their own lines.</extracomment>
        <translation>逐层的感受野 r 与跳距 j（以输入像素计）：</translation>
    </message>
    <message>
        <source>A transposed convolution (stride u) puts its cells j_prev/u apart.</source>
        <extracomment>u is a transposed convolution&apos;s stride: it reads its input with u − 1 zeros between cells, so j_prev is divided by u in the formulas for r and j.</extracomment>
        <translation>转置卷积（步长 u）让它的格子相距 j_prev/u。</translation>
    </message>
    <message>
        <source>{0}: output {1}×{2}×{3}</source>
        <translation>{0}：输出 {1}×{2}×{3}</translation>
    </message>
    <message>
        <source>size: {0}</source>
        <translation>大小：{0}</translation>
    </message>
    <message>
        <source>parameters {0}, multiply-adds {1}</source>
        <translation>参数 {0}，乘加 {1}</translation>
    </message>
    <message>
        <source>receptive field {0}×{1}, jump {2}×{3}</source>
        <translation>感受野 {0}×{1}，跳距 {2}×{3}</translation>
    </message>
    <message>
        <source>rows: {0}</source>
        <translation>行：{0}</translation>
    </message>
    <message>
        <source>columns: {0}</source>
        <translation>列：{0}</translation>
    </message>
    <message>
        <source>In all: {0} parameters, {1} multiply-adds</source>
        <translation>总计：参数 {0}，乘加 {1}</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message>
        <source>{0} row</source>
        <translation>{0} 行</translation>
    </message>
    <message>
        <source>{0} rows</source>
        <translation>{0} 行</translation>
    </message>
    <message>
        <source>{0} column</source>
        <translation>{0} 列</translation>
    </message>
    <message>
        <source>{0} columns</source>
        <translation>{0} 列</translation>
    </message>
    <message>
        <source>{0} channel</source>
        <translation>{0} 个通道</translation>
    </message>
    <message>
        <source>{0} channels</source>
        <translation>{0} 个通道</translation>
    </message>
    <message>
        <source>{0} input channel</source>
        <translation>{0} 个输入通道</translation>
    </message>
    <message>
        <source>{0} input channels</source>
        <translation>{0} 个输入通道</translation>
    </message>
    <message>
        <source>{0} kernel</source>
        <translation>{0} 个卷积核</translation>
    </message>
    <message>
        <source>{0} kernels</source>
        <translation>{0} 个卷积核</translation>
    </message>
    <message>
        <source>{0} slice</source>
        <translation>{0} 个切片</translation>
    </message>
    <message>
        <source>{0} slices</source>
        <translation>{0} 个切片</translation>
    </message>
    <message>
        <source>{0} ring</source>
        <translation>{0} 圈</translation>
    </message>
    <message>
        <source>{0} rings</source>
        <translation>{0} 圈</translation>
    </message>
    <message>
        <source>{0} group</source>
        <translation>{0} 个分组</translation>
    </message>
    <message>
        <source>{0} groups</source>
        <translation>{0} 个分组</translation>
    </message>
    <message>
        <source>{0} step</source>
        <translation>{0} 步</translation>
    </message>
    <message>
        <source>{0} steps</source>
        <translation>{0} 步</translation>
    </message>
    <message>
        <source>{0} value</source>
        <translation>{0} 个值</translation>
    </message>
    <message>
        <source>{0} values</source>
        <translation>{0} 个值</translation>
    </message>
    <message>
        <source>{0} window</source>
        <translation>{0} 个窗口</translation>
    </message>
    <message>
        <source>{0} windows</source>
        <translation>{0} 个窗口</translation>
    </message>
    <message>
        <source>{0} file</source>
        <translation>{0} 个文件</translation>
    </message>
    <message>
        <source>{0} files</source>
        <translation>{0} 个文件</translation>
    </message>
    <message>
        <source>{0} problem</source>
        <translation>{0} 个问题</translation>
    </message>
    <message>
        <source>{0} problems</source>
        <translation>{0} 个问题</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <source>{0} The settings stay as they were.</source>
        <extracomment>{0} is why the edit was refused (one or more sentences).</extracomment>
        <translation>{0}设置保持不变。</translation>
    </message>
    <message>
        <source>This kernel has {0}, one per input channel, but the input can have at most {1}.</source>
        <extracomment>{0} is &quot;500000 slices&quot;, {1} &quot;4 channels&quot; (both translated apart).</extracomment>
        <translation>这个卷积核有 {0}（每个输入通道一个），但输入最多只能有 {1}。</translation>
    </message>
    <message>
        <source>This kernel has {0}, one per input channel, but each kernel here reads {1}: set the input to {2} channels first.</source>
        <extracomment>{0} is &quot;3 slices&quot;, {1} &quot;1 channel&quot; (both translated apart), {2} a number.</extracomment>
        <translation>这个卷积核有 {0}（每个输入通道一个），但这里的每个卷积核读取 {1}：请先把输入设为 {2} 个通道。</translation>
    </message>
    <message>
        <source>There is no kernel {0}: this layer has {1}.</source>
        <extracomment>{0} is a kernel&apos;s number, {1} &quot;2 kernels&quot; (translated apart).</extracomment>
        <translation>没有卷积核 {0}：这一层只有 {1}。</translation>
    </message>
    <message>
        <source>Every kernel here is {0}×{1}, and this one is {2}×{3}: put it into every kernel, or make the kernels {2}×{3} first.</source>
        <extracomment>{0}×{1}: the size of every kernel of the layer; {2}×{3}: the size of the new one.</extracomment>
        <translation>这里的每个卷积核都是 {0}×{1}，而这个是 {2}×{3}：请把它放进所有卷积核，或先把卷积核改成 {2}×{3}。</translation>
    </message>
    <message>
        <source>The kernel must be a grid of numbers.</source>
        <translation>卷积核必须是由数字组成的网格。</translation>
    </message>
    <message>
        <source>This scene has no convolution (only transposed ones): edit its layers on the stage or in Layers.</source>
        <translation>这个场景没有卷积（只有转置卷积）：请在舞台上或“层”中编辑它的层。</translation>
    </message>
    <message>
        <source>it has no kernels: it is not a convolution.</source>
        <translation>它没有卷积核：它不是卷积层。</translation>
    </message>
    <message>
        <source>The input can have {0} to {1} channels, not {2}.</source>
        <translation>输入可以有 {0} 到 {1} 个通道，不能是 {2} 个。</translation>
    </message>
    <message>
        <source>There can be {0} to {1} kernels, not {2}.</source>
        <translation>卷积核可以有 {0} 到 {1} 个，不能是 {2} 个。</translation>
    </message>
    <message>
        <source>Unknown layer type {0}: use one of {1}.</source>
        <extracomment>{0} is the type asked for; {1} the types, as a file names them.</extracomment>
        <translation>未知的层类型 {0}：请用 {1} 之一。</translation>
    </message>
    <message>
        <source>A scene holds at most {0} layers: remove one before adding one.</source>
        <translation>一个场景最多只能有 {0} 层：请先删除一层再添加。</translation>
    </message>
    <message>
        <source>it is the first layer already.</source>
        <translation>它已经是第一层了。</translation>
    </message>
    <message>
        <source>it is the last layer already.</source>
        <translation>它已经是最后一层了。</translation>
    </message>
    <message>
        <source>it has no setting {0}.</source>
        <translation>它没有 {0} 这个设置。</translation>
    </message>
    <message>
        <source>There is no layer {0}: the layers are numbered 1 to {1}.</source>
        <extracomment>{0} is a layer&apos;s number from 1, as asked for; {1} the last layer&apos;s number.</extracomment>
        <translation>没有第 {0} 层：各层的编号是 1 到 {1}。</translation>
    </message>
    <message>
        <source>it is the scene&apos;s only convolution, and a scene keeps at least one: add another convolution before making this one {0}.</source>
        <extracomment>{0} is a layer type (&quot;max pooling&quot;).</extracomment>
        <translation>它是场景中唯一的卷积，而场景至少要保留一个：请先添加另一个卷积，再把这一层改成{0}。</translation>
    </message>
    <message>
        <source>it is the scene&apos;s only convolution, and a scene keeps at least one: add another convolution before removing this one.</source>
        <translation>它是场景中唯一的卷积，而场景至少要保留一个：请先添加另一个卷积，再删除这一层。</translation>
    </message>
    <message>
        <source>The stride must be at least {0}.</source>
        <translation>步长至少为 {0}。</translation>
    </message>
    <message>
        <source>The dilation must be at least {0}.</source>
        <translation>膨胀至少为 {0}。</translation>
    </message>
    <message>
        <source>Unknown padding {0}: use {1}, {2}, {3} or a number.</source>
        <extracomment>{0} is what was asked for; {1}, {2}, {3} are valid, same and full, the padding&apos;s names as the user types them (they stay in English).</extracomment>
        <translation>未知的填充 {0}：请使用 {1}、{2}、{3} 或一个数字。</translation>
    </message>
    <message>
        <source>The padding cannot be negative.</source>
        <translation>填充不能为负数。</translation>
    </message>
    <message>
        <source>The number of groups must be a whole number of at least {0}, not {1}.</source>
        <translation>分组数必须是不小于 {0} 的整数，不能是 {1}。</translation>
    </message>
    <message>
        <source>Unknown padding mode {0}: use {1}, {2}, {3} or {4}.</source>
        <extracomment>{0} is what was asked for; {1}…{4} are zeros, reflect, replicate and circular, the padding modes as a file holds them (they stay in English).</extracomment>
        <translation>未知的填充模式 {0}：请使用 {1}、{2}、{3} 或 {4}。</translation>
    </message>
    <message>
        <source>Unknown setting {0}.</source>
        <translation>未知的设置 {0}。</translation>
    </message>
    <message>
        <source>The pasted block is {0}×{1}; from row {2}, column {3} it needs a {4}×{5} kernel, and the largest is {6}×{7}.</source>
        <translation>粘贴的数据块为 {0}×{1}；从第 {2} 行、第 {3} 列开始粘贴需要 {4}×{5} 的卷积核，而最大只能是 {6}×{7}。</translation>
    </message>
    <message>
        <source>The pasted block is {0}×{1}; from row {2}, column {3} it needs a {4}×{5} grid, and the largest is {6}×{7}.</source>
        <translation>粘贴的数据块为 {0}×{1}；从第 {2} 行、第 {3} 列开始粘贴需要 {4}×{5} 的网格，而最大只能是 {6}×{7}。</translation>
    </message>
    <message>
        <source>That input cell is no longer in the scene (it changed meanwhile); the number was not kept.</source>
        <translation>该输入单元格已不在场景中（场景在此期间已改变）；这个数字没有保留。</translation>
    </message>
    <message>
        <source>That kernel cell is no longer in the scene (it changed meanwhile); the number was not kept.</source>
        <translation>该卷积核单元格已不在场景中（场景在此期间已改变）；这个数字没有保留。</translation>
    </message>
    <message>
        <source>That bias cell is no longer in the scene (it changed meanwhile); the number was not kept.</source>
        <translation>该偏置单元格已不在场景中（场景在此期间已改变）；这个数字没有保留。</translation>
    </message>
    <message>
        <source>The kernel can have {0} to {1} rows and columns, not {2}.</source>
        <translation>卷积核的行数和列数可以是 {0} 到 {1}，不能是 {2}。</translation>
    </message>
    <message>
        <source>The input can have {0} to {1} rows and columns, not {2}.</source>
        <translation>输入的行数和列数可以是 {0} 到 {1}，不能是 {2}。</translation>
    </message>
</context>
<context>
    <name>EquationView</name>
    <message>
        <source>Press → or PageDown to take the first step; Space plays.</source>
        <translation>按 → 或 PageDown 走第一步；按空格键播放。</translation>
    </message>
    <message>
        <source>No output: the settings are impossible (see the red note under the output).</source>
        <translation>没有输出：当前设置无法成立（见输出下方的红色提示）。</translation>
    </message>
    <message>
        <source>Quiz: how large is the output? Guess its rows × columns first.</source>
        <translation>测验：输出有多大？请先猜出它的行数 × 列数。</translation>
    </message>
    <message>
        <source>— your {0}: right!</source>
        <translation>— 你猜 {0}：答对了！</translation>
    </message>
    <message>
        <source>— your {0}: wrong, it is {1}</source>
        <translation>— 你猜 {0}：不对，应为 {1}</translation>
    </message>
</context>
<context>
    <name>Explain</name>
    <message>
        <source>Dilation {0}: the kernel&apos;s {1} taps span {2} = {3} rows.</source>
        <extracomment>{0} is the dilation, {1} the kernel&apos;s size, {2} a formula (2·(3−1)+1), {3} a number.</extracomment>
        <translation>膨胀 {0}：卷积核的 {1} 个权重跨越 {2} = {3} 行。</translation>
    </message>
    <message>
        <source>Dilation {0}: the kernel&apos;s {1} taps span {2} = {3} columns.</source>
        <translation>膨胀 {0}：卷积核的 {1} 个权重跨越 {2} = {3} 列。</translation>
    </message>
    <message>
        <source>{0} is not whole: the last {1} row is never reached.</source>
        <extracomment>{0} is a division such as (6 + 2·0 − 3)/2 = 1.5; {1} a number.</extracomment>
        <translation>{0} 不是整数：窗口始终到不了最后 {1} 行。</translation>
    </message>
    <message>
        <source>{0} is not whole: the last {1} rows are never reached.</source>
        <translation>{0} 不是整数：窗口始终到不了最后 {1} 行。</translation>
    </message>
    <message>
        <source>{0} is not whole: the last {1} column is never reached.</source>
        <translation>{0} 不是整数：窗口始终到不了最后 {1} 列。</translation>
    </message>
    <message>
        <source>{0} is not whole: the last {1} columns are never reached.</source>
        <translation>{0} 不是整数：窗口始终到不了最后 {1} 列。</translation>
    </message>
    <message>
        <source>{0} is not whole: the last {1} row and {2} column are never reached.</source>
        <extracomment>{0} is a division such as (6 + 2·0 − 3)/2 = 1.5; {1} and {2} are numbers.</extracomment>
        <translation>{0} 不是整数：窗口始终到不了最后 {1} 行和 {2} 列。</translation>
    </message>
    <message>
        <source>{0} is not whole: the last {1} rows and {2} columns are never reached.</source>
        <translation>{0} 不是整数：窗口始终到不了最后 {1} 行和 {2} 列。</translation>
    </message>
    <message>
        <source>{0} &lt; 1: the kernel does not fit</source>
        <extracomment>{0} is the output-size formula, such as ⌊(6 + 2·0 − 7)/1⌋ + 1.</extracomment>
        <translation>{0} &lt; 1：卷积核放不下</translation>
    </message>
    <message>
        <source>ConvStudio flips each kernel here (true convolution); Conv2d does not:
give it the flipped weights, {0}.</source>
        <extracomment>A comment under Python code: each line becomes a &quot;# &quot; line; {0} is Python code.</extracomment>
        <translation>ConvStudio 在这里翻转了每个卷积核（真卷积）；Conv2d 不翻转：
请给它翻转后的权重：{0}。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>The speed must be above {0} steps per second, not {1}.</source>
        <translation>速度必须高于每秒 {0} 步，不能是 {1}。</translation>
    </message>
    <message>
        <source>This scene has no steps to put in a GIF.</source>
        <translation>此场景没有可以放进 GIF 的步。</translation>
    </message>
    <message>
        <source>A GIF of {0} frames at {1}×{2} is too large (at most {3} frames at that size); choose a smaller size or fewer steps.</source>
        <translation>{1}×{2} 尺寸、{0} 帧的 GIF 太大（该尺寸下最多 {3} 帧）；请选择更小的尺寸或更少的步。</translation>
    </message>
    <message>
        <source>{0}×{1} is smaller than the window can be for this scene (at least {2}×{3}).</source>
        <translation>{0}×{1} 比这个场景的窗口所能缩到的最小尺寸还小（至少 {2}×{3}）。</translation>
    </message>
    <message>
        <source>The PNG could not be encoded.</source>
        <translation>无法编码这张 PNG。</translation>
    </message>
    <message>
        <source>There is no frame to put in a GIF.</source>
        <translation>没有可放进 GIF 的画面。</translation>
    </message>
    <message>
        <source>As the window is now ({0}×{1})</source>
        <translation>与当前窗口相同（{0}×{1}）</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <source>Name the file {0}, not “{1}”. Nothing was written.</source>
        <translation>文件名请用 {0}，而不是“{1}”。没有写入任何文件。</translation>
    </message>
    <message>
        <source>{0} Nothing was written.</source>
        <translation>{0} 没有写入任何文件。</translation>
    </message>
    <message>
        <source>Could not export to {0}: {1} Nothing was written.</source>
        <translation>无法导出到 {0}：{1} 没有写入任何文件。</translation>
    </message>
    <message>
        <source>Could not export to {0}: {1}. Nothing was written.</source>
        <translation>无法导出到 {0}：{1}。没有写入任何文件。</translation>
    </message>
    <message>
        <source>Export frame</source>
        <translation>导出画面</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>Export run</source>
        <translation>导出整段播放</translation>
    </message>
    <message>
        <source>GIF animations (*.gif)</source>
        <translation>GIF 动画 (*.gif)</translation>
    </message>
    <message>
        <source>Export numbers</source>
        <translation>导出数字</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export &amp;frame…</source>
        <translation>导出画面(&amp;F)…</translation>
    </message>
    <message>
        <source>Export &amp;run…</source>
        <translation>导出整段播放(&amp;R)…</translation>
    </message>
    <message>
        <source>Export &amp;numbers…</source>
        <translation>导出数字(&amp;N)…</translation>
    </message>
</context>
<context>
    <name>FieldHover</name>
    <message>
        <source>receptive field {0}×{1}</source>
        <extracomment>{0} rows, {1} columns of the input one cell of a map sees.</extracomment>
        <translation>感受野 {0}×{1}</translation>
    </message>
</context>
<context>
    <name>FileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>文件名(&amp;N)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>Cannot look at {0}: {1}.</source>
        <translation>无法查看 {0}：{1}。</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>命名管道（FIFO）</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>a special file</source>
        <translation>特殊文件</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>{0} is a folder, not {1}.</source>
        <translation>{0} 是文件夹，不是{1}。</translation>
    </message>
    <message>
        <source>{0} is {1}, not {2}.</source>
        <translation>{0} 是{1}，不是{2}。</translation>
    </message>
    <message>
        <source>{0} is too large to be {1} (more than {2}).</source>
        <translation>{0} 太大，不能作为{1}（超过 {2}）。</translation>
    </message>
    <message>
        <source>{0} bytes</source>
        <translation>{0} 字节</translation>
    </message>
    <message>
        <source>There is no file {0}.</source>
        <translation>文件 {0} 不存在。</translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}.</source>
        <translation>无法读取 {0}：{1}。</translation>
    </message>
    <message>
        <source>{0} is not a text file, so it cannot be {1}.</source>
        <translation>{0} 不是文本文件，因此不能作为{1}。</translation>
    </message>
    <message>
        <source>{0} cannot be used: {1}</source>
        <translation>无法使用 {0}：{1}</translation>
    </message>
    <message>
        <source>{0} does not exist</source>
        <translation>{0} 不存在</translation>
    </message>
    <message>
        <source>{0} is a file, not a folder</source>
        <translation>{0} 是文件，不是文件夹</translation>
    </message>
    <message>
        <source>{0} is {1}, not a folder</source>
        <translation>{0} 是{1}，不是文件夹</translation>
    </message>
    <message>
        <source>Cannot write {0}: {1}.</source>
        <translation>无法写入 {0}：{1}。</translation>
    </message>
    <message>
        <source>Cannot write {0}: it is {1}, not a file.</source>
        <translation>无法写入 {0}：它是{1}，不是文件。</translation>
    </message>
    <message>
        <source>Cannot write {0}: it is the file being read.</source>
        <translation>无法写入 {0}：它正是要读取的那个文件。</translation>
    </message>
    <message>
        <source>The name of the file to write is empty.</source>
        <translation>要写入的文件名是空的。</translation>
    </message>
    <message>
        <source>Cannot write {0}: a name ending in {1} is a folder, not a file.</source>
        <translation>无法写入 {0}：以 {1} 结尾的名称是文件夹，不是文件。</translation>
    </message>
</context>
<context>
    <name>HeatMapView</name>
    <message>
        <source>Map {0}</source>
        <translation>特征图 {0}</translation>
    </message>
</context>
<context>
    <name>Image</name>
    <message>
        <source>{0} is cut short (the file ends before the image does); it cannot be shown.</source>
        <translation>{0} 不完整（文件在图像结束之前就结束了）；无法显示。</translation>
    </message>
    <message>
        <source>{0} is not an image that can be read (PNG or JPEG).</source>
        <translation>{0} 不是可读取的图像（PNG 或 JPEG）。</translation>
    </message>
    <message>
        <source>{0} would take {1} MB of memory to decode; ConvStudio decodes images of up to {2} MB.</source>
        <translation>解码 {0} 需要 {1} MB 内存；ConvStudio 只解码最多 {2} MB 的图像。</translation>
    </message>
    <message>
        <source>The image is empty.</source>
        <translation>图像是空的。</translation>
    </message>
    <message>
        <source>The image is {0}×{1} pixels; ConvStudio takes images up to {2}×{3}. Scale it down first.</source>
        <translation>图像为 {0}×{1} 像素；ConvStudio 最大只能处理 {2}×{3} 的图像。请先把图像缩小。</translation>
    </message>
    <message>
        <source>The image is convolved with the scene&apos;s convolution, and this scene has none (only transposed convolutions).</source>
        <translation>图像是用场景的卷积来做卷积的，但这个场景没有卷积（只有转置卷积）。</translation>
    </message>
    <message>
        <source>A region can be 1 to {0} pixels on each side.</source>
        <translation>区域的每条边可以是 1 到 {0} 个像素。</translation>
    </message>
    <message>
        <source>The region must lie inside the image.</source>
        <translation>区域必须位于图像内部。</translation>
    </message>
    <message>
        <source>Image region {0}×{1} at row {2}, column {3}</source>
        <translation>图像区域 {0}×{1}，位于第 {2} 行、第 {3} 列</translation>
    </message>
</context>
<context>
    <name>ImageWindow</name>
    <message>
        <source>Image — ConvStudio</source>
        <translation>图像 — ConvStudio</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg);;All files (*)</source>
        <translation>图像 (*.png *.jpg *.jpeg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>RGB</source>
        <translation>RGB</translation>
    </message>
    <message>
        <source>Step through the region as one grey channel or as R, G and B</source>
        <translation>把区域作为一个灰度通道，或作为 R、G、B 三个通道来逐步演示</translation>
    </message>
    <message>
        <source>Which kernel&apos;s map to show</source>
        <translation>显示哪个卷积核的特征图</translation>
    </message>
    <message>
        <source>Step through this region</source>
        <translation>逐步演示此区域</translation>
    </message>
    <message>
        <source>Make the framed region (up to {0}×{1}) the input</source>
        <translation>把框选的区域（最大 {0}×{1}）作为输入</translation>
    </message>
    <message>
        <source>Region as</source>
        <translation>区域作为</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>特征图</translation>
    </message>
    <message>
        <source>Could not open the image. {0}</source>
        <translation>无法打开图像。{0}</translation>
    </message>
    <message>
        <source>{0} ({1}×{2}) — ConvStudio</source>
        <translation>{0}（{1}×{2}）— ConvStudio</translation>
    </message>
    <message>
        <source>Computing the result on the whole image…</source>
        <translation>正在对整幅图像计算结果…</translation>
    </message>
    <message>
        <source>Preview shown; computing the full-resolution result… {0} %</source>
        <translation>已显示预览；正在计算全分辨率结果… {0} %</translation>
    </message>
    <message>
        <source>Computing the full-resolution result… {0} %</source>
        <translation>正在计算全分辨率结果… {0} %</translation>
    </message>
    <message>
        <source>kernel {0}</source>
        <translation>卷积核 {0}</translation>
    </message>
    <message>
        <source>Opening {0}…</source>
        <translation>正在打开 {0}…</translation>
    </message>
    <message>
        <source>No result on the image: {0}</source>
        <translation>无法在图像上得出结果：{0}</translation>
    </message>
    <message>
        <source>Result {0}×{1}, computed at full resolution in {2} ms.</source>
        <translation>结果 {0}×{1}，以全分辨率计算，用时 {2} 毫秒。</translation>
    </message>
    <message>
        <source>Preview: every {0}th pixel ({1}×{2}, a rough picture: the kernels span {0}× more of the photo); computing the full {3}×{4} result…</source>
        <translation>预览：每 {0} 个像素取 1 个（{1}×{2}，只是粗略效果：卷积核在照片上覆盖的范围放大了 {0} 倍）；正在计算完整的 {3}×{4} 结果…</translation>
    </message>
    <message>
        <source>Open an image first (File ▸ Open image…).</source>
        <translation>请先打开一幅图像（文件 ▸ 打开图像…）。</translation>
    </message>
</context>
<context>
    <name>InputPanel</name>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>Fill the input with random whole numbers 0–255</source>
        <translation>把输入设为 0–255 之间的随机整数</translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation>清零</translation>
    </message>
    <message>
        <source>Set every input cell to 0</source>
        <translation>把每个输入单元格设为 0</translation>
    </message>
    <message>
        <source>Input {0}×{1}</source>
        <translation>输入 {0}×{1}</translation>
    </message>
    <message>
        <source>channel {0}</source>
        <translation>通道 {0}</translation>
    </message>
    <message>
        <source>{0}  (not seen)</source>
        <translation>{0}（未参与）</translation>
    </message>
    <message>
        <source>Kernel {0} does not see {1}.</source>
        <translation>卷积核 {0} 看不到 {1}。</translation>
    </message>
</context>
<context>
    <name>KernelJump</name>
    <message>
        <source>Jump to the first step of a kernel (its output map)</source>
        <translation>跳到某个卷积核的第一步（即它的输出特征图）</translation>
    </message>
    <message>
        <source>kernel {0}</source>
        <translation>卷积核 {0}</translation>
    </message>
</context>
<context>
    <name>KernelModel</name>
    <message>
        <source>Weight typed at row {0}, column {1}, shown flipped as the true convolution applies it. The input values it multiplies at this step are lit; hold Shift for every step, with how many times each.</source>
        <translation>输入时位于第 {0} 行、第 {1} 列的权重，此处按真卷积实际使用的方式翻转显示。这一步中与它相乘的输入值已高亮；按住 Shift 可显示所有步骤中的输入值，并标出各自相乘的次数。</translation>
    </message>
    <message>
        <source>Weight at row {0}, column {1}. The input values it multiplies at this step are lit; hold Shift for every step, with how many times each.</source>
        <translation>第 {0} 行、第 {1} 列的权重。这一步中与它相乘的输入值已高亮；按住 Shift 可显示所有步骤中的输入值，并标出各自相乘的次数。</translation>
    </message>
    <message>
        <source>{0} The weight keeps its value.</source>
        <translation>{0}该权重保持原值。</translation>
    </message>
</context>
<context>
    <name>KernelPanel</name>
    <message>
        <source>Put a well-known kernel into the editor</source>
        <translation>把一个常用的卷积核放进编辑器</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Keep this kernel under a name, for next time</source>
        <translation>给这个卷积核起个名字保存下来，以便下次使用</translation>
    </message>
    <message>
        <source>A preset goes into every kernel; tick this to put it into the ▶ kernel only</source>
        <translation>预设的卷积核会放进每个卷积核；勾选这里，就只放进 ▶ 标示的卷积核</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>Kernel {0}</source>
        <translation>卷积核 {0}</translation>
    </message>
    <message>
        <source>bias </source>
        <translation>偏置 </translation>
    </message>
    <message>
        <source>Added to every value of map {0}</source>
        <translation>加到特征图 {0} 的每个值上</translation>
    </message>
    <message>
        <source>channel {0}</source>
        <translation>通道 {0}</translation>
    </message>
    <message>
        <source>The weights that multiply input {0}</source>
        <translation>与输入 {0} 相乘的权重</translation>
    </message>
    <message>
        <source>Kernel {0}×{1}</source>
        <translation>卷积核 {0}×{1}</translation>
    </message>
    <message>
        <source>▶ Kernel {0}</source>
        <translation>▶ 卷积核 {0}</translation>
    </message>
    <message>
        <source>Kernel {0}×{1}
flipped (true
convolution)</source>
        <translation>卷积核 {0}×{1}
已翻转：
真卷积</translation>
    </message>
    <message>
        <source>▶ Kernel {0}
flipped (true
convolution)</source>
        <translation>▶ 卷积核 {0}
已翻转：
真卷积</translation>
    </message>
    <message>
        <source>Kernel {0}
flipped (true
convolution)</source>
        <translation>卷积核 {0}
已翻转：
真卷积</translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation>预设…</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>your kernels</source>
        <translation>我的卷积核</translation>
    </message>
    <message>
        <source>Your kernels… (rename, delete)</source>
        <translation>我的卷积核…（重命名、删除）</translation>
    </message>
    <message>
        <source>Only into the ▶ kernel</source>
        <translation>只放进 ▶ 卷积核</translation>
    </message>
    <message>
        <source>Only into ▶ kernel {0}</source>
        <translation>只放进 ▶ 卷积核 {0}</translation>
    </message>
    <message>
        <source>Could not save the kernel: {0}.</source>
        <translation>无法保存卷积核：{0}。</translation>
    </message>
    <message>
        <source>Your kernel “{0}” was replaced by this one.</source>
        <translation>你的卷积核“{0}”已被这个卷积核替换。</translation>
    </message>
    <message>
        <source>This scene has no convolution: there is no kernel to save.</source>
        <translation>这个场景没有卷积：没有可以保存的卷积核。</translation>
    </message>
    <message>
        <source>Could not import the kernel: {0} Nothing changed.</source>
        <translation>无法导入卷积核：{0}未做任何更改。</translation>
    </message>
    <message>
        <source>Could not import the kernel “{0}”: {1}</source>
        <translation>无法导入卷积核“{0}”：{1}</translation>
    </message>
    <message>
        <source>Could not export the kernel to {0}: {1}.</source>
        <translation>无法把卷积核导出到 {0}：{1}。</translation>
    </message>
    <message>
        <source>Save kernel</source>
        <translation>保存卷积核</translation>
    </message>
    <message>
        <source>Name of this kernel:</source>
        <translation>卷积核名称：</translation>
    </message>
</context>
<context>
    <name>KernelSlice</name>
    <message>
        <source>Type a weight into any cell; Ctrl+V pastes a block.</source>
        <translation>在任意单元格中输入权重；Ctrl+V 可粘贴数据块。</translation>
    </message>
    <message>
        <source>{0} Nothing was pasted.</source>
        <translation>{0}未粘贴任何内容。</translation>
    </message>
</context>
<context>
    <name>LayerBlock</name>
    <message>
        <source>Map {0}</source>
        <translation>特征图 {0}</translation>
    </message>
    <message>
        <source>Kernel {0}</source>
        <translation>卷积核 {0}</translation>
    </message>
    <message>
        <source>Kernel {0}, flipped</source>
        <translation>卷积核 {0}（已翻转）</translation>
    </message>
    <message>
        <source>flipped</source>
        <translation>已翻转</translation>
    </message>
    <message>
        <source>bias </source>
        <translation>偏置 </translation>
    </message>
    <message>
        <source>Added to every value of map {0}</source>
        <translation>加到特征图 {0} 的每个值上</translation>
    </message>
    <message>
        <source>window</source>
        <translation>窗口</translation>
    </message>
</context>
<context>
    <name>LayerExplain</name>
    <message>
        <source>x = {0}: times the kernel, it lands only in the cut-off padding.</source>
        <extracomment>A transposed convolution&apos;s step: {0} is the input value read.</extracomment>
        <translation>x = {0}：乘以卷积核后，只落在被裁掉的填充里。</translation>
    </message>
    <message>
        <source>x = {0}: {0} × ({1}) added into {2} cell</source>
        <extracomment>A transposed convolution&apos;s step: {0} the input value, {1} the weights it is multiplied by (a list), {2} how many output cells the products are added into.</extracomment>
        <translation>x = {0}：{0} × ({1}) 加进 {2} 个格子</translation>
    </message>
    <message>
        <source>x = {0}: {0} × ({1}) added into {2} cells</source>
        <translation>x = {0}：{0} × ({1}) 加进 {2} 个格子</translation>
    </message>
    <message>
        <source>The divisor {0} counts the padding too (the input gives {1} of the cells).</source>
        <extracomment>{0} is the divisor; {1} how many of the window&apos;s cells are the input&apos;s.</extracomment>
        <translation>除数 {0} 也算入填充（其中 {1} 格来自输入）。</translation>
    </message>
    <message>
        <source>The divisor {0} counts only the input&apos;s cells, not the padding.</source>
        <translation>除数 {0} 只算输入的格子，不算填充。</translation>
    </message>
    <message>
        <source>ConvStudio flips the kernels of true convolutions; Conv2d does not: give it the flipped weights, {0}.</source>
        <extracomment>A comment under Python code; {0} is Python code.</extracomment>
        <translation>ConvStudio 会把真正的卷积的卷积核翻转；Conv2d 不会：请给它翻转后的权重，{0}。</translation>
    </message>
</context>
<context>
    <name>LayerNames</name>
    <message>
        <source>convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>leaky ReLU</source>
        <translation>带泄漏 ReLU</translation>
    </message>
    <message>
        <source>sigmoid</source>
        <translation>S 型函数</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>双曲正切</translation>
    </message>
    <message>
        <source>max pooling</source>
        <translation>最大池化</translation>
    </message>
    <message>
        <source>average pooling</source>
        <translation>平均池化</translation>
    </message>
    <message>
        <source>transposed convolution</source>
        <translation>转置卷积</translation>
    </message>
    <message>
        <source>conv {0}×{1}</source>
        <extracomment>A convolution layer&apos;s short name; {0}×{1} is its kernel&apos;s size.</extracomment>
        <translation>卷积 {0}×{1}</translation>
    </message>
    <message>
        <source>tconv {0}×{1}</source>
        <extracomment>A transposed convolution layer&apos;s short name; {0}×{1} is its kernel&apos;s size.</extracomment>
        <translation>转置卷积 {0}×{1}</translation>
    </message>
    <message>
        <source>max pool {0}×{1}</source>
        <extracomment>A max pooling layer&apos;s short name; {0}×{1} is its window&apos;s size.</extracomment>
        <translation>最大池化 {0}×{1}</translation>
    </message>
    <message>
        <source>avg pool {0}×{1}</source>
        <translation>平均池化 {0}×{1}</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <extracomment>{0} is the layer&apos;s number from 1, {1} its short name (&quot;max pool 2×2&quot;).</extracomment>
        <translation>{0} {1}</translation>
    </message>
</context>
<context>
    <name>LayerSettings</name>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation>膨胀</translation>
    </message>
    <message>
        <source>Round the size up (ceil mode)</source>
        <translation>尺寸向上取整（ceil_mode）</translation>
    </message>
    <message>
        <source>Count the padding in the divisor</source>
        <translation>除数也计入填充</translation>
    </message>
    <message>
        <source>Slope below 0</source>
        <translation>小于 0 时的斜率</translation>
    </message>
    <message>
        <source>Output padding</source>
        <translation>输出填充</translation>
    </message>
    <message>
        <source>Step by</source>
        <translation>逐步方式</translation>
    </message>
    <message>
        <source>input cells (scatter)</source>
        <translation>逐一输入格（散布）</translation>
    </message>
    <message>
        <source>output cells (gather)</source>
        <translation>逐一输出格（收集）</translation>
    </message>
</context>
<context>
    <name>LayerTitle</name>
    <message>
        <source>Layer {0}: convolution {1}×{2}</source>
        <extracomment>{0} the layer&apos;s number, {1}×{2} the kernel&apos;s size.</extracomment>
        <translation>第 {0} 层：卷积 {1}×{2}</translation>
    </message>
    <message>
        <source>Layer {0}: convolution {1}×{2}, stride {3}</source>
        <extracomment>{3} the stride.</extracomment>
        <translation>第 {0} 层：卷积 {1}×{2}，步长 {3}</translation>
    </message>
    <message>
        <source>Layer {0}: transposed convolution {1}×{2}, stride {3}, stepped by input cells</source>
        <extracomment>{0} the layer&apos;s number, {1}×{2} the kernel&apos;s size, {3} the stride.</extracomment>
        <translation>第 {0} 层：转置卷积 {1}×{2}，步长 {3}，逐一输入格走</translation>
    </message>
    <message>
        <source>Layer {0}: transposed convolution {1}×{2}, stride {3}, stepped by output cells</source>
        <translation>第 {0} 层：转置卷积 {1}×{2}，步长 {3}，逐一输出格走</translation>
    </message>
    <message>
        <source>Layer {0}: max pool {1}×{2}, stride {3}</source>
        <translation>第 {0} 层：最大池化 {1}×{2}，步长 {3}</translation>
    </message>
    <message>
        <source>Layer {0}: average pool {1}×{2}, stride {3}</source>
        <translation>第 {0} 层：平均池化 {1}×{2}，步长 {3}</translation>
    </message>
    <message>
        <source>Layer {0}: {1}</source>
        <extracomment>{1} the activation&apos;s name: ReLU, LeakyReLU, σ, tanh.</extracomment>
        <translation>第 {0} 层：{1}</translation>
    </message>
</context>
<context>
    <name>Layers</name>
    <message>
        <source>“{0}” must be true or false, not {1}.</source>
        <translation>“{0}”必须是 true 或 false，不能是 {1}。</translation>
    </message>
    <message>
        <source>“{0}” must be a number, not {1}.</source>
        <translation>“{0}”必须是数字，不能是 {1}。</translation>
    </message>
    <message>
        <source>“{0}” must be a number or one of {1}, not {2}.</source>
        <translation>“{0}”必须是数字或 {1} 之一，不能是 {2}。</translation>
    </message>
    <message>
        <source>“{0}” must be one of {1}, not {2}.</source>
        <translation>“{0}”必须是 {1} 之一，不能是 {2}。</translation>
    </message>
    <message>
        <source>“{0}” must be a whole number from 1 to {1}, not {2}.</source>
        <translation>“{0}”必须是 1 到 {1} 的整数，不能是 {2}。</translation>
    </message>
    <message>
        <source>“{0}” must be null or a list of numbers, one per kernel.</source>
        <translation>“{0}”必须是 null，或每个卷积核一个数字组成的数组。</translation>
    </message>
    <message>
        <source>“output_padding” is {0}; it must be smaller than the stride ({1}) or the dilation ({2}).</source>
        <translation>“output_padding”是 {0}；它必须小于步长（{1}）或膨胀（{2}）。</translation>
    </message>
    <message>
        <source>“padding” “same” needs a stride of 1, not {0}.</source>
        <translation>“padding”为“same”时步长必须是 1，不能是 {0}。</translation>
    </message>
    <message>
        <source>“padding” is {0}, more than half the window of {1}: at most {2}.</source>
        <translation>“padding”是 {0}，超过窗口 {1} 的一半：最多 {2}。</translation>
    </message>
    <message>
        <source>Layer {0}: {1}</source>
        <translation>第 {0} 层：{1}</translation>
    </message>
    <message>
        <source>Layer {0} ({1}): {2}</source>
        <extracomment>a refusal about a layer: its number from 1, its type (conv2d, max_pool2d), why</extracomment>
        <translation>第 {0} 层（{1}）：{2}</translation>
    </message>
    <message>
        <source>a layer must be a JSON object.</source>
        <translation>每一层必须是 JSON 对象。</translation>
    </message>
    <message>
        <source>the key “type” is missing.</source>
        <translation>缺少“type”。</translation>
    </message>
    <message>
        <source>unknown type {0}; use one of {1}.</source>
        <translation>未知的类型 {0}；请用 {1} 之一。</translation>
    </message>
    <message>
        <source>unknown key “{0}”.</source>
        <translation>未知的键“{0}”。</translation>
    </message>
    <message>
        <source>the key “{0}” is missing.</source>
        <translation>缺少“{0}”。</translation>
    </message>
    <message>
        <source>“layers” must be a non-empty list of layers.</source>
        <translation>“layers”必须是非空的层数组。</translation>
    </message>
    <message>
        <source>“layers” has {0} layers; a scene holds at most {1}.</source>
        <translation>“layers”有 {0} 层；一个场景最多 {1} 层。</translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>The layers, input first. Click one to edit it and step from its start.</source>
        <translation>各层，从输入开始。点击一层即可编辑它，并跳到它的第一步。</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add a layer after the current one</source>
        <translation>在当前层后面添加一层</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the current layer</source>
        <translation>删除当前层</translation>
    </message>
    <message>
        <source>Move the current layer up, towards the input</source>
        <translation>把当前层往上移，靠近输入</translation>
    </message>
    <message>
        <source>Move the current layer down, towards the output</source>
        <translation>把当前层往下移，靠近输出</translation>
    </message>
    <message>
        <source>The current layer&apos;s type</source>
        <translation>当前层的类型</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>After layer {0} ({1}):</source>
        <extracomment>{0} is a layer&apos;s number, {1} its name (&quot;conv 3×3&quot;).</extracomment>
        <translation>加在第 {0} 层（{1}）之后：</translation>
    </message>
    <message>
        <source>A scene holds at most {0} layers.</source>
        <translation>一个场景最多只能有 {0} 层。</translation>
    </message>
    <message>
        <source>A scene keeps at least one convolution.</source>
        <translation>场景至少要保留一个卷积。</translation>
    </message>
    <message>
        <source>Its kernels and settings are in Kernel, Window and Layer below.</source>
        <translation>它的卷积核与设置在下方的“卷积核”、“窗口”和“层”。</translation>
    </message>
    <message>
        <source>No layer is a convolution: Kernel, Window and Layer below are empty.</source>
        <translation>没有任何一层是卷积：下方的“卷积核”、“窗口”和“层”是空的。</translation>
    </message>
    <message>
        <source>Kernel, Window and Layer below show layer {0} ({1}).</source>
        <extracomment>{0} is a layer&apos;s number, {1} its name (&quot;conv 3×3&quot;).</extracomment>
        <translation>下方的“卷积核”、“窗口”和“层”显示的是第 {0} 层（{1}）。</translation>
    </message>
    <message>
        <source>= window</source>
        <extracomment>A pool&apos;s stride when none is set: the window&apos;s size (PyTorch&apos;s default).</extracomment>
        <translation>= 窗口</translation>
    </message>
</context>
<context>
    <name>LessonNote</name>
    <message>
        <source>Lesson {0} of {1}: {2}</source>
        <translation>第 {0} 课，共 {1} 课：{2}</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>Why convolution</source>
        <translation>为什么要用卷积</translation>
    </message>
    <message>
        <source>A 1000×1000 RGB photo into 1000 fully connected neurons needs 1000·1000·3·1000 = 3&#xa0;000&#xa0;000&#xa0;000 weights; one 3×3×3 kernel needs 27, and a bias. Open the Costs section of the side panel: it puts this layer&apos;s 28 parameters beside what a fully connected layer from the same input to the same output would need. Ask the class why one small kernel may be used at every position of the image.</source>
        <translation>把一张 1000×1000 的 RGB 照片全连接到 1000 个神经元，需要 1000·1000·3·1000 = 3&#xa0;000&#xa0;000&#xa0;000 个权重；而一个 3×3×3 的卷积核只需要 27 个权重，外加一个偏置。打开侧边面板的“成本”部分：它把这一层的 28 个参数，与从相同输入到相同输出的全连接层所需的参数放在一起对比。问问学生：为什么一个小小的卷积核可以用在图像的每一个位置？</translation>
    </message>
    <message>
        <source>The worked example: 6×6 ∗ 3×3 → 4×4</source>
        <translation>例题：6×6 ∗ 3×3 → 4×4</translation>
    </message>
    <message>
        <source>Step through the first row: 18×1 + 54×0 + 51×1 + 55×0 + 121×1 + 75×0 + 35×1 + 24×0 + 204×1 = 429, then 505. Before each step, ask for the next value (Q turns the quiz on). Then ask why 6 − 3 + 1 = 4 positions fit along a row.</source>
        <translation>逐步走完第一行：18×1 + 54×0 + 51×1 + 55×0 + 121×1 + 75×0 + 35×1 + 24×0 + 204×1 = 429，接着是 505。每走一步之前，先请学生说出下一个值（按 Q 打开测验）。然后问：为什么一行上正好能放下 6 − 3 + 1 = 4 个位置？</translation>
    </message>
    <message>
        <source>Two drawbacks of no padding</source>
        <translation>不填充的两个缺点</translation>
    </message>
    <message>
        <source>The map is smaller than the input (4×4 from 6×6), and it shrinks again at every layer. The count on each input value says in how many windows it takes part: 1 at a corner, 9 in the middle, so the edges weigh less. Ask what would happen after ten such layers.</source>
        <translation>特征图比输入小（6×6 变成 4×4），而且每经过一层都会再缩小。每个输入值上的计数表示它参与了多少个窗口：角上是 1，中间是 9，所以边缘对结果的影响较小。问问学生：经过十个这样的层之后会怎样？</translation>
    </message>
    <message>
        <source>Zero padding: 6×6 → 8×8 → 6×6</source>
        <translation>零填充：6×6 → 8×8 → 6×6</translation>
    </message>
    <message>
        <source>A ring of zeros around the 6×6 input makes it 8×8, and the 3×3 kernel then gives a 6×6 map, as large as the input. The padding that keeps the size is p = (f − 1)/2: 1 for a 3×3 kernel, 2 for a 5×5. Point at a corner value: it now takes part in 4 windows instead of 1.</source>
        <translation>在 6×6 的输入外围补一圈 0，它就变成 8×8，再用 3×3 的卷积核就得到 6×6 的特征图，和输入一样大。保持尺寸不变的填充量是 p = (f − 1)/2：3×3 的卷积核为 1，5×5 的为 2。指着角上的一个值：它现在参与 4 个窗口，而不是 1 个。</translation>
    </message>
    <message>
        <source>Valid and same</source>
        <translation>valid 和 same</translation>
    </message>
    <message>
        <source>Valid means no padding: the map has n − f + 1 rows. Same means the padding that keeps the size: here one ring, and a 6×6 map. Switch Padding in the side panel between valid and same and compare the maps and the formula under them.</source>
        <translation>valid 表示不填充：特征图有 n − f + 1 行。same 表示使用能保持尺寸不变的填充：这里补一圈，得到 6×6 的特征图。在侧边面板中把“填充”在 valid 和 same 之间来回切换，比较两种特征图以及下方的公式。</translation>
    </message>
    <message>
        <source>Why kernels are odd</source>
        <translation>为什么卷积核的边长是奇数</translation>
    </message>
    <message>
        <source>A 2×2 kernel under same needs (2 − 1)/2 = ½ a ring of padding: one ring on one side only, here on the right and at the bottom, and the picture is no longer symmetric. It also has no centre, so no input value sits under the middle of the window. Ask the class which input cell each output value belongs to.</source>
        <translation>2×2 的卷积核在 same 下需要 (2 − 1)/2 = ½ 圈填充：只能在一侧补一圈，这里是右侧和下方，画面就不再对称。它也没有中心，所以没有哪个输入值正好位于窗口中间。问问学生：每个输出值应该对应哪个输入单元格？</translation>
    </message>
    <message>
        <source>Stride 2: 5×5 → 2×2</source>
        <translation>步长 2：5×5 → 2×2</translation>
    </message>
    <message>
        <source>With stride 2 the window jumps two cells at a time: ⌊(5 + 0 − 3)/2⌋ + 1 = 2 positions each way, so a 2×2 map. Ask the class to predict the size before stepping (the quiz asks it first).</source>
        <translation>步长为 2 时，窗口每次跳两格：每个方向有 ⌊(5 + 0 − 3)/2⌋ + 1 = 2 个位置，所以得到 2×2 的特征图。在逐步演示之前，先请学生预测输出尺寸（测验会先问这个问题）。</translation>
    </message>
    <message>
        <source>When the stride does not divide: the floor</source>
        <translation>步长不能整除时：向下取整</translation>
    </message>
    <message>
        <source>On the 6×6 input, (6 + 0 − 3)/2 = 1.5 is not whole: the floor gives 1, and 1 + 1 = 2 positions. The last row and column are never reached (hatched in red): stride and padding should be chosen so that this does not happen by accident.</source>
        <translation>在 6×6 的输入上，(6 + 0 − 3)/2 = 1.5 不是整数：向下取整得 1，1 + 1 = 2 个位置。最后一行和最后一列始终用不到（用红色斜线标出）：选择步长和填充时，应避免无意中出现这种情况。</translation>
    </message>
    <message>
        <source>6×6×3 with a 3×3×3 kernel: one 4×4 map</source>
        <translation>6×6×3 配 3×3×3 卷积核：一个 4×4 特征图</translation>
    </message>
    <message>
        <source>A colour image has three channels, and the kernel has one slice for each. Each output value adds the 27 products of all three slices: the equation shows the R, G and B sums and their total. However many channels go in, one kernel makes one map.</source>
        <translation>彩色图像有三个通道，卷积核为每个通道各配一个切片。每个输出值把三个切片的 27 个乘积加在一起：等式会显示 R、G、B 各自的和以及总和。无论输入有多少个通道，一个卷积核只生成一个特征图。</translation>
    </message>
    <message>
        <source>Several kernels: several maps</source>
        <translation>多个卷积核：多个特征图</translation>
    </message>
    <message>
        <source>Each kernel, with its bias, is one neuron that slides over the image and makes one map; two kernels make a 4×4×2 output. The number of kernels is the number of output channels. Ask how many parameters a layer of 64 such kernels has.</source>
        <translation>每个卷积核连同它的偏置就是一个神经元，它在图像上滑动，生成一个特征图；两个卷积核得到 4×4×2 的输出。卷积核的个数就是输出通道数。问问学生：由 64 个这样的卷积核组成的一层有多少个参数？</translation>
    </message>
    <message>
        <source>Receptive field, parameters and cost</source>
        <translation>感受野、参数和计算量</translation>
    </message>
    <message>
        <source>The Costs section counts this layer: 3 kernels of 3×3×3 weights and 3 biases, 84 parameters; 27 multiply-adds per output value; the receptive field of one value, 3×3 in each of 3 channels. Compare with the fully connected count beside it. Ask how the cost grows with a 5×5 kernel.</source>
        <translation>侧边面板的“成本”部分统计了这一层：3 个 3×3×3 的卷积核加 3 个偏置，共 84 个参数；每个输出值需要 27 次乘加；一个输出值的感受野是 3 个通道中各 3×3。把它和旁边的全连接数量比较一下。问问学生：换成 5×5 的卷积核，计算量会怎样增长？</translation>
    </message>
    <message>
        <source>Groups: AlexNet&apos;s two GPUs, ResNeXt</source>
        <translation>分组卷积：AlexNet 的两块 GPU、ResNeXt</translation>
    </message>
    <message>
        <source>With groups = 2, kernels 1 and 2 see channels 1 and 2 only, and kernels 3 and 4 see channels 3 and 4: half the weights and half the work. AlexNet split its layers so across two GPUs; ResNeXt uses many groups on purpose. Each kernel&apos;s title says which channels it reads.</source>
        <translation>groups = 2 时，卷积核 1 和 2 只看到通道 1 和 2，卷积核 3 和 4 只看到通道 3 和 4：权重和计算量都减半。AlexNet 就是这样把各层拆分到两块 GPU 上的；ResNeXt 则有意使用许多分组。每个卷积核的标题会注明它读取哪些通道。</translation>
    </message>
    <message>
        <source>Depthwise: one kernel per channel (MobileNet)</source>
        <translation>深度（depthwise）卷积：每个通道一个卷积核（MobileNet）</translation>
    </message>
    <message>
        <source>When groups equal the channels, every kernel sees a single channel: a depthwise convolution, as in MobileNet. It filters each channel alone and mixes none; a 1×1 convolution after it mixes them (next lesson).</source>
        <translation>当分组数等于通道数时，每个卷积核只看到一个通道：这就是深度（depthwise）卷积，MobileNet 中就用到了它。它对每个通道单独滤波，不做任何混合；之后再用一个 1×1 卷积把通道混合起来（见下一课）。</translation>
    </message>
    <message>
        <source>1×1 convolution: mixing channels</source>
        <translation>1×1 卷积：混合通道</translation>
    </message>
    <message>
        <source>A 1×1 kernel looks at one pixel, across all channels: here 0.299 R + 0.587 G + 0.114 B turns colour into grey, and R − G takes a difference. 1×1 convolutions change the number of channels cheaply, as in a bottleneck.</source>
        <translation>1×1 的卷积核只看一个像素，但跨越所有通道：这里 0.299 R + 0.587 G + 0.114 B 把彩色变成灰度，R − G 则求两者之差。1×1 卷积能以很低的代价改变通道数，例如瓶颈（bottleneck）结构。</translation>
    </message>
    <message>
        <source>Dilation: a 3×3 kernel that spans 5×5</source>
        <translation>膨胀：覆盖 5×5 的 3×3 卷积核</translation>
    </message>
    <message>
        <source>With dilation 2 the kernel&apos;s weights are one cell apart: the window covers 5×5 cells with 9 weights. The receptive field grows without more parameters. The formula uses the dilated size, d·(f − 1) + 1.</source>
        <translation>膨胀为 2 时，卷积核的相邻权重之间隔开一格：窗口用 9 个权重覆盖 5×5 个单元格。感受野变大了，参数却没有增加。公式中使用膨胀后的尺寸 d·(f − 1) + 1。</translation>
    </message>
    <message>
        <source>torch.nn.Conv2d and its arguments</source>
        <translation>torch.nn.Conv2d 及其参数</translation>
    </message>
    <message>
        <source>This layer is torch.nn.Conv2d(in_channels=1, out_channels=2, kernel_size=3, stride=2, padding=1, bias=True); the PyTorch section of the side panel writes the call for whatever the window shows. Change a setting and watch which argument changes: every setting of this lesson has its name there.</source>
        <translation>这一层就是 torch.nn.Conv2d(in_channels=1, out_channels=2, kernel_size=3, stride=2, padding=1, bias=True)；侧边面板的 PyTorch 部分会为当前显示的层写出对应的调用。改动一项设置，看看哪个参数随之变化：本课的每项设置在那里都有对应的参数名。</translation>
    </message>
    <message>
        <source>Two 3×3 convolutions see 5×5</source>
        <translation>两层 3×3 卷积看到 5×5</translation>
    </message>
    <message>
        <source>Every map is computed when the lesson opens: point at a cell of the last map, and its 3×3 window lights in the middle map and a 5×5 patch in the 7×7 input. The receptive field grows by r = r_prev + (k − 1)·d·j_prev: r = 1 + (3 − 1)·1·1 = 3 after the first convolution, then r = 3 + (3 − 1)·1·1 = 5. One 5×5 kernel would also turn 7×7 into 3×3 and see as much, with 25 weights; the two 3×3 kernels have 2·9 = 18. Ask what a third 3×3 layer would see.</source>
        <translation>打开本课时所有特征图都已算好：指向最后一张特征图的一个单元格，它在中间特征图上的 3×3 窗口和 7×7 输入上的 5×5 区域就会亮起。感受野按 r = r_prev + (k − 1)·d·j_prev 增长：第一层卷积后 r = 1 + (3 − 1)·1·1 = 3，第二层之后 r = 3 + (3 − 1)·1·1 = 5。一个 5×5 的卷积核同样能把 7×7 变成 3×3、看到同样大的范围，但需要 25 个权重；两个 3×3 卷积核只有 2·9 = 18 个。问问学生：再加第三层 3×3 卷积能看到多大？</translation>
    </message>
    <message>
        <source>Three 3×3 convolutions see 7×7</source>
        <translation>三层 3×3 卷积看到 7×7</translation>
    </message>
    <message>
        <source>A third 3×3 convolution makes the receptive field r = 5 + (3 − 1)·1·1 = 7: the one value of the last map depends on the whole 7×7 input. One 7×7 kernel would see as much with 49 weights; three 3×3 kernels have 3·9 = 27, and VGG stacks 3×3 layers for this reason. Point at the last value, then at a cell of each earlier map: one of the 3×3 map sees 5×5 of the input, one of the 5×5 map 3×3. Ask how many 3×3 layers it takes to see 11×11.</source>
        <translation>第三层 3×3 卷积让感受野变成 r = 5 + (3 − 1)·1·1 = 7：最后一张特征图唯一的值取决于整个 7×7 输入。一个 7×7 的卷积核要 49 个权重才能看到这么大；三个 3×3 卷积核只有 3·9 = 27 个，VGG 正是因此堆叠 3×3 卷积层。先指向最后这个值，再指向前面每张特征图的一个单元格：3×3 特征图的一格看到输入的 5×5，5×5 特征图的一格看到 3×3。问问学生：要几层 3×3 卷积才能看到 11×11？</translation>
    </message>
    <message>
        <source>ReLU after a convolution</source>
        <translation>卷积之后的 ReLU</translation>
    </message>
    <message>
        <source>The kernel adds each window&apos;s left column and subtracts its right one, so many values are negative: 18 + 55 + 35 − 51 − 75 − 204 = −222. ReLU keeps a positive value and turns a negative one into 0: ReLU(−222) = 0, ReLU(154) = 154, and ReLU(−13) = 0 as well. The lesson opens with the convolution done: step on through the ReLU and watch 12 of the 16 values become 0. ReLU has no weights, and the map stays 4×4.</source>
        <translation>卷积核把每个窗口左边一列相加，再减去右边一列，所以很多值是负的：18 + 55 + 35 − 51 − 75 − 204 = −222。ReLU 保留正值，把负值变成 0：ReLU(−222) = 0，ReLU(154) = 154，ReLU(−13) = 0 也一样。本课打开时卷积已经算完：继续一步步走过 ReLU，看着 16 个值中有 12 个变成 0。ReLU 没有权重，特征图仍是 4×4。</translation>
    </message>
    <message>
        <source>Max pooling 2×2, stride 2: half the size</source>
        <translation>最大池化 2×2、步长 2：尺寸减半</translation>
    </message>
    <message>
        <source>Max pooling keeps the largest value of each 2×2 window; with stride 2 the windows do not overlap, and the 4×4 map becomes 2×2, half as many rows and columns. The first window gives max(429, 505, 261, 792) = 792: 792 is the winner, and in training the gradient of this output goes back to it alone. Pooling has no weights, nothing to learn. A pooled value sees 4×4 of the input (r = 3 + (2 − 1)·1·1 = 4), and its neighbours are 2 input pixels apart (j = 1·2 = 2). The lesson opens with the convolution done: ask for each window&apos;s winner before each step.</source>
        <translation>最大池化保留每个 2×2 窗口中最大的值；步长为 2 时窗口互不重叠，4×4 的特征图变成 2×2，行数和列数都减半。第一个窗口得到 max(429, 505, 261, 792) = 792：792 是胜出者，训练时这个输出的梯度只会传回给它。池化没有权重，没有什么需要学习。池化后的一个值看到输入的 4×4（r = 3 + (2 − 1)·1·1 = 4），相邻的值在输入上相隔 2 个像素（j = 1·2 = 2）。本课打开时卷积已经算完：每一步之前，先问学生这个窗口的胜出者是哪一个。</translation>
    </message>
    <message>
        <source>Average pooling: what the divisor counts</source>
        <translation>平均池化：除数算的是什么</translation>
    </message>
    <message>
        <source>Average pooling gives each window&apos;s mean: (792 + 412 + 653 + 851) / 4 = 677 in the middle. Here one ring of padding around the 4×4 map lets 2×2 windows at stride 2 make a 3×3 map. With count_include_pad=False the divisor counts only the map&apos;s values: a corner window holds one, 429 / 1 = 429, and an edge window two, (505 + 686) / 2 = 595.5. With count_include_pad=True, torch&apos;s default, the padding&apos;s zeros would count: (429 + 0 + 0 + 0) / 4 = 107.25. Ask which choice gives the border smaller values, and why.</source>
        <translation>平均池化给出每个窗口的平均值：中间那个是 (792 + 412 + 653 + 851) / 4 = 677。这里在 4×4 特征图外围填充一圈，步长为 2 的 2×2 窗口就得到 3×3 的特征图。count_include_pad=False 时，除数只算特征图上的值：角上的窗口只有一个，429 / 1 = 429；边上的窗口有两个，(505 + 686) / 2 = 595.5。若 count_include_pad=True（torch 的默认值），填充的 0 也会算进去：(429 + 0 + 0 + 0) / 4 = 107.25。问问学生：哪一种选择会让边缘的值变小？为什么？</translation>
    </message>
    <message>
        <source>A small CNN: convolution, ReLU, pooling, convolution</source>
        <translation>小型 CNN：卷积、ReLU、池化、卷积</translation>
    </message>
    <message>
        <source>A 3×3 convolution, ReLU, 2×2 max pooling and another 3×3 convolution turn the 8×8 picture of a T into maps of 6×6, 6×6, 3×3 and 1×1. The receptive field is 3 after the first convolution and still 3 after ReLU, then r = 3 + (2 − 1)·1·1 = 4 after pooling, where the jump becomes 2, and r = 4 + (3 − 1)·1·2 = 8 at the end. So the last value depends on all 8·8 = 64 input values, though the network has only 2·9 = 18 weights and no kernel larger than 3×3. Point at it, then at a cell of the pooled map, which sees 4×4 of the input. Ask why the second convolution sees so much further than the first.</source>
        <translation>3×3 卷积、ReLU、2×2 最大池化，再接一层 3×3 卷积，把 T 字形的 8×8 图片依次变成 6×6、6×6、3×3 和 1×1 的特征图。感受野在第一层卷积后是 3，经过 ReLU 仍是 3，池化后 r = 3 + (2 − 1)·1·1 = 4，这时间距 j 变成 2，最后 r = 4 + (3 − 1)·1·2 = 8。所以最后的值取决于全部 8·8 = 64 个输入值，尽管整个网络只有 2·9 = 18 个权重，卷积核也都不大于 3×3。指向这个值，再指向池化后特征图的一个单元格：它看到输入的 4×4。问问学生：为什么第二层卷积看得比第一层远得多？</translation>
    </message>
    <message>
        <source>Transposed convolution: 2×2 → 4×4</source>
        <translation>转置卷积：2×2 → 4×4</translation>
    </message>
    <message>
        <source>A transposed convolution adds each input value times the whole kernel into the output: the value 2 puts 2 × (1, 2, 3, 4) = (2, 4, 6, 8) into the top right 2×2 block. At stride 2 the next value&apos;s block starts 2 cells further on, and a 2×2 kernel fills exactly that gap: no two blocks overlap, and every output cell gets 1 contribution. The output size is (2 − 1)·2 − 2·0 + 1·(2 − 1) + 0 + 1 = 4, by (H − 1)·s − 2p + d·(k − 1) + output_padding + 1, so the 2×2 input becomes 4×4. Its kernel is learned as a convolution&apos;s is: the network learns how to upsample. Ask what the output would be with a kernel of ones.</source>
        <translation>转置卷积把每个输入值乘以整个卷积核，加进输出：值 2 把 2 × (1, 2, 3, 4) = (2, 4, 6, 8) 放进右上角的 2×2 区块。步长为 2 时，下一个值的区块往后移 2 格，而 2×2 的卷积核正好填满这段间隔：区块互不重叠，每个输出格子都只得到 1 份贡献。输出大小是 (2 − 1)·2 − 2·0 + 1·(2 − 1) + 0 + 1 = 4，依据 (H − 1)·s − 2p + d·(k − 1) + output_padding + 1，所以 2×2 的输入变成 4×4。它的卷积核和卷积的一样是学出来的：网络学会如何上采样。问问学生：如果卷积核全是 1，输出会是什么？</translation>
    </message>
    <message>
        <source>Overlap and the checkerboard: kernel 3×3, stride 2</source>
        <translation>重叠与棋盘格：卷积核 3×3、步长 2</translation>
    </message>
    <message>
        <source>Step through the nine 1s of the input: each adds the 3×3 kernel of ones into a 3×3 block, and at stride 2 neighbouring blocks share a row or a column. The counts say how many blocks reached each cell, 1, 2 or 4 in a grid pattern, and as every value and weight is 1 the output is those counts: a flat input comes out as a checkerboard. Odena, Dumoulin and Olah show such checkerboard artifacts in generated images (“Deconvolution and Checkerboard Artifacts”, Distill, 2016): they come from uneven overlap, when the kernel size is not divisible by the stride. With a 4×4 kernel at stride 2 every inner cell gets 2·2 = 4 contributions, evenly. Ask which kernel sizes overlap evenly at stride 3.</source>
        <translation>逐步走过输入的九个 1：每一个都把全是 1 的 3×3 卷积核加进一个 3×3 区块，而步长为 2 时，相邻的区块共用一行或一列。计数显示每个格子被几个区块碰到：1、2 或 4，排成格状；因为每个值和权重都是 1，输出就是这些计数：平坦的输入变成了棋盘格。Odena、Dumoulin 和 Olah 在生成的图像中展示了这种棋盘格伪影（“Deconvolution and Checkerboard Artifacts”，Distill，2016）：它们来自不均匀的重叠，也就是卷积核大小不能被步长整除的时候。用 4×4 的卷积核、步长 2，每个内部格子都得到 2·2 = 4 份贡献，很均匀。问问学生：步长为 3 时，哪些卷积核大小会均匀重叠？</translation>
    </message>
    <message>
        <source>A convolution and its transpose as matrices</source>
        <translation>以矩阵看卷积与它的转置</translation>
    </message>
    <message>
        <source>A convolution is a matrix M times the input&apos;s 16 values in a column: here M is 4×16, one row per output value, holding the 9 weights of its window and 7 zeros. The transposed convolution with the same kernel multiplies by Mᵀ, 16×4: each of its 4 input values is spread along one column of Mᵀ, so 21 goes back into a 3×3 block as 21 × (1, 2, 1, 2, 4, 2, 1, 2, 1). Open View ▸ As a matrix on each layer and compare: the second matrix is the first turned over, rows into columns. The 2×2 map comes back to 4×4 but not to the input, because Mᵀ·M is not the identity. Ask why no 4×16 matrix can be undone.</source>
        <translation>卷积就是一个矩阵 M 乘以排成一列的 16 个输入值：这里 M 是 4×16，每个输出值一行，行里是它的窗口的 9 个权重和 7 个 0。用同一个卷积核的转置卷积乘的是 Mᵀ，16×4：它的 4 个输入值各沿着 Mᵀ 的一列散开，所以 21 以 21 × (1, 2, 1, 2, 4, 2, 1, 2, 1) 回到一个 3×3 区块。在每一层打开“视图 ▸ 矩阵形式”比较一下：第二个矩阵就是第一个翻过来，行变成列。2×2 的特征图回到 4×4，却回不到原来的输入，因为 Mᵀ·M 不是单位矩阵。问问学生：为什么没有任何 4×16 的矩阵能被还原？</translation>
    </message>
    <message>
        <source>Stride 2 down and up: the size comes back, not the values</source>
        <translation>步长 2 下、步长 2 上：回来的是大小，不是数值</translation>
    </message>
    <message>
        <source>The convolution adds each 2×2 block at stride 2, and 4×4 becomes 2×2: the first block gives 1 + 2 + 5 + 6 = 14. The transposed convolution at stride 2, with a kernel of ones, puts each value back into a 2×2 block: 4×4 again, (2 − 1)·2 − 2·0 + 1·(2 − 1) + 0 + 1 = 4. But the block holds 14, 14, 14, 14, not 1, 2, 5, 6: four numbers went into one sum, and no kernel can tell them apart again. A transposed convolution is not a deconvolution: it undoes the shape of a convolution, never its values. Ask what the block would hold with the kernel ¼ in the convolution.</source>
        <translation>卷积以步长 2 把每个 2×2 区块加起来，4×4 变成 2×2：第一个区块得到 1 + 2 + 5 + 6 = 14。步长 2、卷积核全是 1 的转置卷积，把每个值放回一个 2×2 区块：又是 4×4，(2 − 1)·2 − 2·0 + 1·(2 − 1) + 0 + 1 = 4。但这个区块装的是 14, 14, 14, 14，不是 1, 2, 5, 6：四个数进了同一个和，没有任何卷积核能再把它们分开。转置卷积不是反卷积：它还原的是卷积的形状，从来不是它的数值。问问学生：如果卷积的卷积核是 ¼，这个区块会装什么？</translation>
    </message>
    <message>
        <source>Learn the kernel: which kernel made this map?</source>
        <translation>学出卷积核：是哪个卷积核产生了这张特征图？</translation>
    </message>
    <message>
        <source>The target is the worked example&apos;s map (429, 505, …) and the kernel is all zeros, so the loss L = mean((Y − T)²) starts at 448 479.875. Open Training (T) and press Play: 300 steps of gradient descent at η = 0.000005 bring the loss below 0.02, and the kernel becomes the X, 1 0 1 / 0 1 0 / 1 0 1, each weight within 0.002. Every step moves each weight against its gradient ∂L/∂W, the sum over the 16 positions of ∂L/∂Y times the input value that weight met there. Ask why the kernel is found although nobody typed it in.</source>
        <translation>目标是示例的特征图（429, 505, …），卷积核全为 0，所以损失 L = mean((Y − T)²) 从 448 479.875 开始。打开“训练”(T) 并按播放：以 η = 0.000005 做 300 步梯度下降，损失降到 0.02 以下，卷积核变成 X 形 1 0 1 / 0 1 0 / 1 0 1，每个权重的误差都在 0.002 以内。每一步都让每个权重朝其梯度 ∂L/∂W 的反方向移动；∂L/∂W 是 16 个位置上 ∂L/∂Y 乘以该权重在那里遇到的输入值之和。问问学生：没有人输入卷积核，为什么它还是被找出来了？</translation>
    </message>
    <message>
        <source>Learn an edge kernel from a photo</source>
        <translation>从照片学出边缘卷积核</translation>
    </message>
    <message>
        <source>The input is an 8×8 patch of a photograph (scikit-image&apos;s “camera”, CC0, by Lav Varshney) where dark meets light, and the target is what the Sobel kernel 1 0 −1 / 2 0 −2 / 1 0 −1 makes of it, strongest at the edge: −695. The kernel starts at zero and the loss at 101 066.528. Play 1000 steps at η = 0.00001: the loss falls below 0.1 and the kernel becomes the Sobel kernel, each weight within 0.02. Ask what the kernel would have learned from a target made with the Sobel kernel turned a quarter turn.</source>
        <translation>输入是一张照片中暗处与亮处相接的 8×8 区块（scikit-image 的 “camera”，CC0，摄影：Lav Varshney），目标是 Sobel 卷积核 1 0 −1 / 2 0 −2 / 1 0 −1 对它算出的特征图，在边缘处最强：−695。卷积核从 0 开始，损失从 101 066.528 开始。以 η = 0.00001 播放 1000 步：损失降到 0.1 以下，卷积核变成 Sobel 卷积核，每个权重的误差都在 0.02 以内。问问学生：如果目标是用转了四分之一圈的 Sobel 卷积核做出来的，会学到什么卷积核？</translation>
    </message>
    <message>
        <source>A learning rate too large: the loss explodes</source>
        <translation>学习率太大：损失爆炸</translation>
    </message>
    <message>
        <source>The same problem as “Learn the kernel”, at η = 0.00001, twice the rate that worked. The first step overshoots, and the loss grows about five times a step: 448 479.875, 2 161 260.848, 10 607 563.207. Press Play: at step 36 a weight would pass ±10¹², the largest number the window holds, so the run stops, says so and keeps the weights after step 35; Reset brings the zeros back. Gradient descent settles only while η is below 2 divided by the loss&apos;s steepest curvature, here about 0.0000062.</source>
        <translation>和“学出卷积核”同一个问题，但 η = 0.00001，是先前有效学习率的两倍。第一步就冲过头，损失每一步约变成五倍：448 479.875、2 161 260.848、10 607 563.207。按播放：到第 36 步时有权重会超过 ±10¹²，这是窗口能容纳的最大数，于是训练停止、说明原因，并保留第 35 步之后的权重；按“重置”可回到全 0。只有当 η 小于 2 除以损失最陡的曲率时，梯度下降才会收敛，这里约为 0.0000062。</translation>
    </message>
    <message>
        <source>A gradient through max pooling and ReLU</source>
        <translation>梯度穿过最大池化和 ReLU</translation>
    </message>
    <message>
        <source>The kernel subtracts each window&apos;s right column from its left one; max pooling keeps each 2×2 block&apos;s largest value, −127, 154, −76 and 321, and ReLU makes the negative ones 0. The target asks for 100 in all four: L = (100² + 54² + 100² + 221²) / 4 = 17 939.25, and ∂L/∂Y = 2(Y − T)/4 gives −50, 27, −50 and 110.5. The lesson opens where the backward pass begins: step on, and ReLU stops both −50s, because what it received was negative, while max pooling sends 27 to the 154 alone and 110.5 to the 321 alone, so 14 of the 16 cells get 0 and ∂L/∂W is the sum of two windows, 27 × 75 + 110.5 × 204 = 24 567 for the first weight. Play 200 steps at η = 0.000005: the loss stops at 5 000 = (100² + 0 + 100² + 0) / 4, since the left blocks never send anything back. Ask why their error, as large as the others&apos;, teaches the kernel nothing, and what a leaky ReLU would change.</source>
        <translation>卷积核把每个窗口的左边一列减去右边一列；最大池化保留每个 2×2 区块的最大值 −127、154、−76 和 321，ReLU 再把负值变成 0。目标要求四个值都是 100：L = (100² + 54² + 100² + 221²) / 4 = 17 939.25，∂L/∂Y = 2(Y − T)/4 得到 −50、27、−50 和 110.5。本课一打开就停在反向传播的起点：往下一步步走，ReLU 挡下两个 −50，因为它在前向传播时收到的值是负的；最大池化则把 27 只送给 154，把 110.5 只送给 321，所以 16 个格子中有 14 个得到 0，∂L/∂W 只是两个窗口的和，第一个权重的梯度是 27 × 75 + 110.5 × 204 = 24 567。以 η = 0.000005 播放 200 步：损失停在 5 000 = (100² + 0 + 100² + 0) / 4，因为左边的区块从不传回任何东西。请问：它们的误差和其他的一样大，为什么却教不了卷积核任何东西？改用 leaky ReLU 会有什么不同？</translation>
    </message>
    <message>
        <source>The lesson list {0} cannot be read: {1}</source>
        <translation>无法读取课程清单 {0}：{1}</translation>
    </message>
    <message>
        <source>{0} is not a ConvStudio lesson list.</source>
        <translation>{0} 不是 ConvStudio 课程清单。</translation>
    </message>
    <message>
        <source>{0} has version {1}, not 1.</source>
        <translation>{0} 的版本是 {1}，不是 1。</translation>
    </message>
    <message>
        <source>{0} lists no lessons.</source>
        <translation>{0} 中没有任何课。</translation>
    </message>
    <message>
        <source>{0} names a lesson twice.</source>
        <translation>{0} 中有一课的名称出现了两次。</translation>
    </message>
    <message>
        <source>lesson {0} is not an object.</source>
        <translation>第 {0} 课不是对象。</translation>
    </message>
    <message>
        <source>lesson {0} has no {1}.</source>
        <translation>第 {0} 课缺少 {1}。</translation>
    </message>
    <message>
        <source>lesson {0}: step must be a whole number ≥ 0.</source>
        <translation>第 {0} 课：step 必须是 ≥ 0 的整数。</translation>
    </message>
    <message>
        <source>lesson {0}: window_counts must be true or false.</source>
        <translation>第 {0} 课：window_counts 必须是 true 或 false。</translation>
    </message>
    <message>
        <source>lesson {0}: learning_rate must be a number &gt; 0.</source>
        <translation>第 {0} 课：learning_rate 必须是大于 0 的数。</translation>
    </message>
    <message>
        <source>lesson {0}: training_steps must be a whole number ≥ 1.</source>
        <translation>第 {0} 课：training_steps 必须是 ≥ 1 的整数。</translation>
    </message>
    <message>
        <source>lesson {0}: backward must be true or false.</source>
        <translation>第 {0} 课：backward 必须是 true 或 false。</translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>{0} cannot be read</source>
        <translation>无法读取 {0}</translation>
    </message>
    <message>
        <source>Your saved kernels cannot be read: {0}. Only the built-in ones are listed.</source>
        <translation>无法读取你保存的卷积核：{0}。只显示内置的卷积核。</translation>
    </message>
    <message>
        <source>Your saved kernels could not be read: {0} It could not be set aside ({1}), and is left as it is.</source>
        <translation>无法读取你保存的卷积核：{0}也无法把该文件移到一旁（{1}），因此它保持原样。</translation>
    </message>
    <message>
        <source>Your kernel file {0} could not be read: {1} It could not be set aside ({2}), and is left as it is.</source>
        <translation>无法读取你的卷积核文件 {0}：{1}也无法把它移到一旁（{2}），因此它保持原样。</translation>
    </message>
    <message>
        <source>Your saved kernels could not be read: {0} It was kept as {1}, and the others are listed.</source>
        <translation>无法读取你保存的卷积核：{0}该文件已保留为 {1}，其余卷积核照常显示。</translation>
    </message>
    <message>
        <source>Your kernel file {0} could not be read: {1} It was kept as {2}, and the others are listed.</source>
        <translation>无法读取你的卷积核文件 {0}：{1}该文件已保留为 {2}，其余卷积核照常显示。</translation>
    </message>
    <message>
        <source>Your saved kernels in {0} could not be moved into the folder {1} ({2}). They are still listed, and {0} is unchanged.</source>
        <translation>无法把 {0} 中你保存的卷积核移到文件夹 {1} 中（{2}）。它们仍会照常显示，{0} 也没有改动。</translation>
    </message>
    <message>
        <source>A kernel needs a name. Nothing was saved.</source>
        <translation>卷积核需要一个名称。未保存任何内容。</translation>
    </message>
    <message>
        <source>A kernel needs a name. Nothing was renamed.</source>
        <translation>卷积核需要一个名称。未重命名任何卷积核。</translation>
    </message>
    <message>
        <source>This name holds characters that cannot be saved. Nothing was saved.</source>
        <translation>此名称包含无法保存的字符。未保存任何内容。</translation>
    </message>
    <message>
        <source>This name holds characters that cannot be saved. Nothing was renamed.</source>
        <translation>此名称包含无法保存的字符。未重命名任何卷积核。</translation>
    </message>
    <message>
        <source>“{0}” is longer than {1} characters: choose a shorter name. Nothing was saved.</source>
        <translation>“{0}”超过了 {1} 个字符：请选择更短的名称。未保存任何内容。</translation>
    </message>
    <message>
        <source>“{0}” is longer than {1} characters: choose a shorter name. Nothing was renamed.</source>
        <translation>“{0}”超过了 {1} 个字符：请选择更短的名称。未重命名任何卷积核。</translation>
    </message>
    <message>
        <source>“{0}” is the name of a built-in kernel: choose another name. Nothing was saved.</source>
        <translation>“{0}”是内置卷积核的名称：请另选一个名称。未保存任何内容。</translation>
    </message>
    <message>
        <source>“{0}” is the name of a built-in kernel: choose another name. Nothing was renamed.</source>
        <translation>“{0}”是内置卷积核的名称：请另选一个名称。未重命名任何卷积核。</translation>
    </message>
    <message>
        <source>You already have a kernel called “{0}”. Nothing was renamed.</source>
        <translation>你已经有一个名为“{0}”的卷积核。未重命名任何卷积核。</translation>
    </message>
    <message>
        <source>A kernel called “{0}” was saved since it was deleted, so it was not brought back.</source>
        <translation>“{0}”被删除之后，又保存了一个同名的卷积核，因此没有恢复它。</translation>
    </message>
    <message>
        <source>There is no kernel called “{0}” any more.</source>
        <translation>已经没有名为“{0}”的卷积核了。</translation>
    </message>
    <message>
        <source>“{0}” is still kept in the older {1}, so it cannot be renamed until it has been moved into the library folder (at the next start).</source>
        <translation>“{0}”仍保存在旧的 {1} 中，要等它移到卷积核文件夹之后（下次启动时）才能重命名。</translation>
    </message>
    <message>
        <source>“{0}” is still kept in the older {1}, so it cannot be deleted until it has been moved into the library folder (at the next start).</source>
        <translation>“{0}”仍保存在旧的 {1} 中，要等它移到卷积核文件夹之后（下次启动时）才能删除。</translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <source>Your kernels</source>
        <translation>我的卷积核</translation>
    </message>
    <message>
        <source>&amp;Use</source>
        <translation>使用(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>U&amp;ndo delete</source>
        <translation>撤销删除(&amp;N)</translation>
    </message>
    <message>
        <source>Show the &amp;folder</source>
        <translation>显示文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>Open the folder of your kernel files, to copy or share them</source>
        <translation>打开存放卷积核文件的文件夹，以便复制或分享</translation>
    </message>
    <message>
        <source>Kept in {0}</source>
        <translation>保存在 {0}</translation>
    </message>
    <message>
        <source>Still kept in the older kernels.json: it can be used, and can be renamed or deleted once it has been moved into the folder.</source>
        <translation>仍保存在旧的 kernels.json 中：可以使用；移到文件夹之后才能重命名或删除。</translation>
    </message>
    <message>
        <source>You have no kernels of your own yet: “Save…” beside the presets keeps the kernel in the editor here.</source>
        <translation>你还没有自己的卷积核：点击预设旁边的“保存…”，即可把编辑器中的卷积核保存到这里。</translation>
    </message>
    <message>
        <source>Bring back “{0}”</source>
        <translation>恢复“{0}”</translation>
    </message>
    <message>
        <source>Rename kernel</source>
        <translation>重命名卷积核</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Could not rename “{0}”: {1}. It keeps its name.</source>
        <translation>无法重命名“{0}”：{1}。名称保持不变。</translation>
    </message>
    <message>
        <source>“{0}” is now called “{1}”.</source>
        <translation>“{0}”已改名为“{1}”。</translation>
    </message>
    <message>
        <source>Could not delete “{0}”: {1}.</source>
        <translation>无法删除“{0}”：{1}。</translation>
    </message>
    <message>
        <source>“{0}” was deleted. Undo delete (Ctrl+Z) brings it back.</source>
        <translation>“{0}”已删除。撤销删除（Ctrl+Z）可以把它恢复。</translation>
    </message>
    <message>
        <source>Could not bring back “{0}”: {1}.</source>
        <translation>无法恢复“{0}”：{1}。</translation>
    </message>
    <message>
        <source>“{0}” is back.</source>
        <translation>“{0}”已恢复。</translation>
    </message>
    <message>
        <source>Could not make the folder {0}: {1}.</source>
        <translation>无法创建文件夹 {0}：{1}。</translation>
    </message>
    <message>
        <source>No file manager could be opened. Your kernels are in {0}.</source>
        <translation>无法打开文件管理器。你的卷积核保存在 {0}。</translation>
    </message>
</context>
<context>
    <name>Limits</name>
    <message>
        <source>an input of {0} to {1} rows and columns</source>
        <translation>行数和列数为 {0} 到 {1} 的输入</translation>
    </message>
    <message>
        <source>a kernel of {0} to {1} rows and columns</source>
        <translation>行数和列数为 {0} 到 {1} 的卷积核</translation>
    </message>
    <message>
        <source>{0} to {1} input channels</source>
        <translation>{0} 到 {1} 个输入通道</translation>
    </message>
    <message>
        <source>{0} to {1} kernels</source>
        <translation>{0} 到 {1} 个卷积核</translation>
    </message>
    <message>
        <source>{0} to {1} groups</source>
        <translation>{0} 到 {1} 个分组</translation>
    </message>
    <message>
        <source>{0} to {1} rings of padding</source>
        <translation>{0} 到 {1} 圈填充</translation>
    </message>
    <message>
        <source>a stride of {0} to {1}</source>
        <translation>{0} 到 {1} 的步长</translation>
    </message>
    <message>
        <source>a dilation of {0} to {1}</source>
        <translation>{0} 到 {1} 的膨胀</translation>
    </message>
    <message>
        <source>an output padding of {0} to {1}</source>
        <translation>{0} 到 {1} 的输出填充</translation>
    </message>
    <message>
        <source>a pooling window of {0} to {1} rows and columns</source>
        <translation>行数和列数为 {0} 到 {1} 的池化窗口</translation>
    </message>
    <message>
        <source>{0}; the window takes {1}.</source>
        <extracomment>{0} is &quot;There are 7 layers&quot;, {1} the range (&quot;1 to 6 layers&quot;).</extracomment>
        <translation>{0}；窗口只能处理 {1}。</translation>
    </message>
    <message>
        <source>{0} to {1} layers</source>
        <translation>{0} 到 {1} 层</translation>
    </message>
    <message>
        <source>{0}; the window takes {1}. (“{2}” takes larger scenes.)</source>
        <extracomment>{0} is what the scene has (&quot;The input has 5 channels&quot;), {1} the range (&quot;1 to 4 input channels&quot;), {2} the command convstudio compute.</extracomment>
        <translation>{0}；窗口只能处理 {1}。（“{2}”可以处理更大的场景。）</translation>
    </message>
    <message>
        <source>There are {0} layers</source>
        <translation>有 {0} 层</translation>
    </message>
    <message>
        <source>The input has {0} channels</source>
        <translation>输入有 {0} 个通道</translation>
    </message>
    <message>
        <source>There are {0} kernels</source>
        <translation>有 {0} 个卷积核</translation>
    </message>
    <message>
        <source>The groups are {0}</source>
        <translation>分组数为 {0}</translation>
    </message>
    <message>
        <source>The input is {0}×{1}</source>
        <translation>输入为 {0}×{1}</translation>
    </message>
    <message>
        <source>The kernel is {0}×{1}</source>
        <translation>卷积核为 {0}×{1}</translation>
    </message>
    <message>
        <source>The pooling window is {0}×{1}</source>
        <translation>池化窗口为 {0}×{1}</translation>
    </message>
    <message>
        <source>The stride is {0}</source>
        <translation>步长为 {0}</translation>
    </message>
    <message>
        <source>The dilation is {0}</source>
        <translation>膨胀为 {0}</translation>
    </message>
    <message>
        <source>The padding is {0}</source>
        <translation>填充为 {0}</translation>
    </message>
    <message>
        <source>The output padding is {0}</source>
        <translation>输出填充为 {0}</translation>
    </message>
    <message>
        <source>Some input are not finite numbers within {0}; a scene holds only numbers that can be saved and read back.</source>
        <translation>部分输入值不是 {0} 以内的有限数；场景只能包含可以保存并重新读取的数字。</translation>
    </message>
    <message>
        <source>Some weights are not finite numbers within {0}; a scene holds only numbers that can be saved and read back.</source>
        <translation>部分权重不是 {0} 以内的有限数；场景只能包含可以保存并重新读取的数字。</translation>
    </message>
    <message>
        <source>Some biases are not finite numbers within {0}; a scene holds only numbers that can be saved and read back.</source>
        <translation>部分偏置不是 {0} 以内的有限数；场景只能包含可以保存并重新读取的数字。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ConvStudio scenes (*.json);;All files (*)</source>
        <translation>ConvStudio 场景 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>ConvStudio kernels (*.json);;All files (*)</source>
        <translation>ConvStudio 卷积核 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open scene…</source>
        <translation>打开场景(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;image…</source>
        <translation>打开图像(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Save scene</source>
        <translation>保存场景(&amp;S)</translation>
    </message>
    <message>
        <source>Save scene &amp;as…</source>
        <translation>场景另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Import &amp;kernel…</source>
        <translation>导入卷积核(&amp;K)…</translation>
    </message>
    <message>
        <source>E&amp;xport kernel…</source>
        <translation>导出卷积核(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Your kernels…</source>
        <translation>我的卷积核(&amp;Y)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Next lesson</source>
        <translation>下一课(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous lesson</source>
        <translation>上一课(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>步进(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Play / pause</source>
        <translation>播放/暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next step</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <source>P&amp;revious step</source>
        <translation>上一步(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;First step</source>
        <translation>第一步(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Last step</source>
        <translation>最后一步(&amp;L)</translation>
    </message>
    <message>
        <source>Next la&amp;yer</source>
        <translation>下一层(&amp;Y)</translation>
    </message>
    <message>
        <source>Previous lay&amp;er</source>
        <translation>上一层(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Side panel</source>
        <translation>侧边面板(&amp;S)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Heat maps</source>
        <translation>热图(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Window counts</source>
        <translation>窗口计数(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>Step through the &amp;backward pass</source>
        <translation>逐步走过反向传播(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Quiz</source>
        <translation>测验(&amp;Q)</translation>
    </message>
    <message>
        <source>Step the transposed convolution b&amp;y</source>
        <translation>转置卷积的逐步方式(&amp;Y)</translation>
    </message>
    <message>
        <source>Input cells: each adds its value times the kernel (scatter)</source>
        <translation>逐一输入格：每格把自己的值乘上卷积核加进输出（散布）</translation>
    </message>
    <message>
        <source>Output cells: each is a window of the input spread out (gather)</source>
        <translation>逐一输出格：每格是撑开后输入上的一个窗口（收集）</translation>
    </message>
    <message>
        <source>As a &amp;matrix</source>
        <translation>矩阵形式(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>演示(&amp;P)</translation>
    </message>
    <message>
        <source>Leave the presentation</source>
        <translation>退出演示</translation>
    </message>
    <message>
        <source>&amp;Blank screen</source>
        <translation>黑屏(&amp;B)</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;About ConvStudio</source>
        <translation>关于 ConvStudio(&amp;A)</translation>
    </message>
    <message>
        <source>Space: play / pause
→ or PageDown: next step
← or PageUp: previous step
Home / End: first / last step
] / [ or Alt+PageDown / Alt+PageUp: next / previous layer
Ctrl+Z / Ctrl+Shift+Z: undo / redo
Ctrl+= / Ctrl+- / Ctrl+0: larger / smaller / actual size
F11: full screen
Ctrl+O / Ctrl+S / Ctrl+Shift+S: open / save / save as
Ctrl+I: open an image
Ctrl+PageDown / Ctrl+PageUp: next / previous lesson
N: the teacher&apos;s note on / off
F9: side panel on / off
Ctrl+H: heat maps on / off
Ctrl+Shift+W: window counts on / off
T: training panel on / off; Shift+Space: play / pause training
Ctrl+B: step through the backward pass on / off (a scene with a target)
M: the current layer as a matrix on / off
F5 or Shift+F5: present (Esc leaves); B or .: blank screen
Q: quiz on / off (→ or PageDown reveals, then steps)
Point at a weight: the values it multiplies (hold Shift: at every step)
Double-click or type in a cell to edit it; Ctrl+V pastes a block.</source>
        <translation>空格键：播放 / 暂停
→ 或 PageDown：下一步
← 或 PageUp：上一步
Home / End：第一步 / 最后一步
] / [ 或 Alt+PageDown / Alt+PageUp：下一层 / 上一层
Ctrl+Z / Ctrl+Shift+Z：撤销 / 重做
Ctrl+= / Ctrl+- / Ctrl+0：放大 / 缩小 / 实际大小
F11：全屏
Ctrl+O / Ctrl+S / Ctrl+Shift+S：打开 / 保存 / 另存场景
Ctrl+I：打开图像
Ctrl+PageDown / Ctrl+PageUp：下一课 / 上一课
N：显示 / 隐藏教师备注
F9：显示 / 隐藏侧边面板
Ctrl+H：显示 / 隐藏热图
Ctrl+Shift+W：显示 / 隐藏窗口计数
T：显示 / 隐藏训练面板；Shift+空格键：训练 播放 / 暂停
Ctrl+B：打开 / 关闭逐步走过反向传播（有目标的场景）
M：显示 / 隐藏当前这一层的矩阵
F5 或 Shift+F5：演示（Esc 退出）；B 或 .：黑屏
Q：打开 / 关闭测验（→ 或 PageDown 先揭晓答案，再前进一步）
指向某个权重：显示与它相乘的值（按住 Shift：显示所有步骤中的）
双击单元格或直接输入即可编辑；Ctrl+V 粘贴数据块。</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Teacher&apos;s note</source>
        <translation>教师备注(&amp;T)</translation>
    </message>
    <message>
        <source>Play / pause &amp;training</source>
        <translation>训练 播放/暂停(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>open another scene</source>
        <translation>打开另一个场景</translation>
    </message>
    <message>
        <source>Open scene</source>
        <translation>打开场景</translation>
    </message>
    <message>
        <source>Import kernel</source>
        <translation>导入卷积核</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>Export kernel</source>
        <translation>导出卷积核</translation>
    </message>
    <message>
        <source>Could not open the scene. {0} Your work is unchanged.</source>
        <translation>无法打开场景。{0}你的工作没有受到影响。</translation>
    </message>
    <message>
        <source>Could not open the scene {0}: {1} Your work is unchanged.</source>
        <translation>无法打开场景 {0}：{1}你的工作没有受到影响。</translation>
    </message>
    <message>
        <source>Could not open the scene. {0} has settings that cannot work together: {1} Your work is unchanged.</source>
        <translation>无法打开场景。{0} 中的设置相互冲突：{1}你的工作没有受到影响。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The scene has changes that are not saved. Save them before you {0}?</source>
        <translation>场景有尚未保存的更改。在{0}之前要先保存吗？</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Save scene as</source>
        <translation>场景另存为</translation>
    </message>
    <message>
        <source>Could not save to {0}: {1}. Nothing was changed.</source>
        <translation>无法保存到 {0}：{1}。原有内容没有任何改动。</translation>
    </message>
    <message>
        <source>The unsaved work of an earlier session could not be read ({0}).</source>
        <translation>无法读取上次会话中未保存的工作（{0}）。</translation>
    </message>
    <message>
        <source> It was kept as {0}.</source>
        <translation>它已另存为 {0}。</translation>
    </message>
    <message>
        <source>Restore unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <source>ConvStudio did not close properly last time. Restore the scene “{0}” as it was at {1}?</source>
        <translation>ConvStudio 上次没有正常关闭。要把场景“{0}”恢复到 {1} 时的状态吗？</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>{0}{1} — ConvStudio</source>
        <translation>{0}{1} — ConvStudio</translation>
    </message>
    <message>
        <source>quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>MapGrid</name>
    <message>
        <source>{0} · {1}</source>
        <translation>{0}，{1}</translation>
    </message>
</context>
<context>
    <name>MapModel</name>
    <message>
        <source>A zero put between the map&apos;s cells</source>
        <translation>插在特征图格子之间的 0</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Input row {0}, column {1}</source>
        <translation>输入第 {0} 行、第 {1} 列</translation>
    </message>
    <message>
        <source>Row {0}, column {1}: point at it to light its receptive field, click to show its step</source>
        <translation>第 {0} 行、第 {1} 列：指向它可标出它的感受野，点击显示它对应的那一步</translation>
    </message>
    <message>
        <source>{0}. Contributions so far: {1}</source>
        <extracomment>{0} the cell&apos;s words, {1} how many values were added into it so far.</extracomment>
        <translation>{0}。目前已累加 {1} 个贡献</translation>
    </message>
    <message>
        <source>pad</source>
        <translation>填充</translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <source>Layer {0} ({1}) is linear, but only convolutions are shown as matrices.</source>
        <extracomment>Layer types that are linear but shown by no matrix here (a pool of averages). {0} is the layer&apos;s number from 1, {1} its short name (&quot;avg pool 2×2&quot;).</extracomment>
        <translation>第 {0} 层（{1}）是线性的，但只有卷积会以矩阵形式显示。</translation>
    </message>
    <message>
        <source>Layer {0} ({1}) has no matrix: it is not linear.</source>
        <extracomment>{0} is the layer&apos;s number from 1, {1} its short name (&quot;ReLU&quot;, &quot;max pool 2×2&quot;).</extracomment>
        <translation>第 {0} 层（{1}）没有矩阵：它不是线性的。</translation>
    </message>
    <message>
        <source>No matrix: the scene&apos;s settings are impossible.</source>
        <translation>没有矩阵：这个场景的设置无法计算。</translation>
    </message>
    <message>
        <source>This layer&apos;s matrix would be {0}×{1}: too large to show (at most {2} entries).</source>
        <extracomment>{0}×{1}: the matrix&apos;s rows and columns; {2}: the most entries shown.</extracomment>
        <translation>这一层的矩阵将是 {0}×{1}：太大，无法显示（最多 {2} 个元素）。</translation>
    </message>
    <message>
        <source>Mᵀ: the transpose of the matrix of the convolution with the same kernel, stride, padding and dilation.</source>
        <translation>Mᵀ：卷积核、步长、填充和膨胀都相同的那个卷积，其矩阵的转置。</translation>
    </message>
    <message>
        <source>vec(output) = M · vec(input)</source>
        <translation>vec(输出) = M · vec(输入)</translation>
    </message>
    <message>
        <source>Layer {0} ({1}), channel {2} → kernel {3}: M is {4}×{5}, a row per output cell and a column per input cell, both in reading order.</source>
        <extracomment>{0}: the layer&apos;s number from 1; {1}: its short name; {2}: the input channel (from 1); {3}: the kernel (from 1); {4}×{5}: the matrix&apos;s rows and columns.</extracomment>
        <translation>第 {0} 层（{1}），通道 {2} → 卷积核 {3}：M 是 {4}×{5}，每个输出单元格一行、每个输入单元格一列，都按阅读顺序排列。</translation>
    </message>
    <message>
        <source>Kernel {0} does not read channel {1} (another group): every entry of M is 0.</source>
        <extracomment>{0}: the kernel (from 1); {1}: the input channel (from 1).</extracomment>
        <translation>卷积核 {0} 不读取通道 {1}（属于另一个分组）：M 的每个元素都是 0。</translation>
    </message>
    <message>
        <source>The output adds every channel&apos;s M · vec(input) of the group, and the bias.</source>
        <translation>输出是这个分组中每个通道的 M · vec(输入) 相加，再加上偏置。</translation>
    </message>
    <message>
        <source>The output is M · vec(input) plus the bias.</source>
        <translation>输出是 M · vec(输入) 再加上偏置。</translation>
    </message>
    <message>
        <source>im2col of the gather form: {0}×{1}, a row per output cell holding its window over the input with zeros inserted and padded, times kernel {2} flipped as a column. That is the output without the bias.</source>
        <extracomment>{0}×{1}: the windows matrix&apos;s rows and columns; {2}: the kernel (from 1).</extracomment>
        <translation>收集形式的 im2col：{0}×{1}，每个输出单元格一行，放着它在“插入零并填充后的输入”上的窗口，乘以翻转后作为一列的卷积核 {2}。结果就是不含偏置的输出。</translation>
    </message>
    <message>
        <source>im2col: {0}×{1}, a row per output cell holding its window of the input, times kernel {2} as a column. That is the output without the bias.</source>
        <translation>im2col：{0}×{1}，每个输出单元格一行，放着它在输入上的窗口，乘以作为一列的卷积核 {2}。结果就是不含偏置的输出。</translation>
    </message>
    <message>
        <source>input row {0}</source>
        <extracomment>A heading over the columns of M that one row of the input map feeds; {0} is the row&apos;s number from 1.</extracomment>
        <translation>输入第 {0} 行</translation>
    </message>
    <message>
        <source>Output cell ({0}, {1}) does not read input cell ({2}, {3}): 0.</source>
        <extracomment>An entry 0 of M: output cell ({0}, {1}) and input cell ({2}, {3}), from 1.</extracomment>
        <translation>输出单元格 ({0}, {1}) 不读取输入单元格 ({2}, {3})：0。</translation>
    </message>
    <message>
        <source>Output cell ({0}, {1}) adds input cell ({2}, {3}) × {4}.</source>
        <extracomment>An entry of M: output cell ({0}, {1}) adds input cell ({2}, {3}) times the weight {4}.</extracomment>
        <translation>输出单元格 ({0}, {1}) 加上输入单元格 ({2}, {3}) × {4}。</translation>
    </message>
    <message>
        <source>channel {0}</source>
        <extracomment>A heading over the im2col columns of one input channel; {0} is its number from 1.</extracomment>
        <translation>通道 {0}</translation>
    </message>
    <message>
        <source>The window of output cell ({0}, {1}), channel {2}, row {3}, column {4}: {5}.</source>
        <extracomment>An entry of the im2col matrix: the window of output cell ({0}, {1}), on input channel {2}, at the window&apos;s row {3} and column {4} (all from 1), holds {5}.</extracomment>
        <translation>输出单元格 ({0}, {1}) 的窗口，通道 {2}，第 {3} 行、第 {4} 列：{5}。</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>矩阵</translation>
    </message>
    <message>
        <source>im2col</source>
        <translation>im2col</translation>
    </message>
    <message>
        <source>Channel {0}</source>
        <translation>通道 {0}</translation>
    </message>
    <message>
        <source>Kernel {0}</source>
        <translation>卷积核 {0}</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Details…</source>
        <translation>详细信息…</translation>
    </message>
    <message>
        <source>Everything ConvStudio had to say at start</source>
        <translation>ConvStudio 启动时要告诉你的所有事项</translation>
    </message>
    <message>
        <source>What ConvStudio found at start</source>
        <translation>ConvStudio 启动时发现的问题</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>, </source>
        <extracomment>between the names of files in a list: &quot;a.json, b.json&quot;</extracomment>
        <translation>、</translation>
    </message>
    <message>
        <source>{0} at start.</source>
        <translation>启动时发现 {0}。</translation>
    </message>
    <message>
        <source>{0} and {1} more</source>
        <translation>{0}，另有 {1} 个</translation>
    </message>
    <message>
        <source>{0} set aside at start: {1}.</source>
        <translation>启动时已将 {0}移到一旁：{1}。</translation>
    </message>
    <message>
        <source>{0} at start: {1}.</source>
        <translation>启动时发现 {0}：{1}。</translation>
    </message>
</context>
<context>
    <name>Numbers</name>
    <message>
        <source>A cell cannot be empty: type a number such as {0}.</source>
        <translation>单元格不能为空：请输入一个数字，例如 {0}。</translation>
    </message>
    <message>
        <source>“{0}” is not a number.</source>
        <translation>“{0}”不是数字。</translation>
    </message>
    <message>
        <source>“{0}” is not a finite number.</source>
        <translation>“{0}”不是有限数。</translation>
    </message>
    <message>
        <source>{0} is too large: keep numbers within {1}.</source>
        <extracomment>The slowest a run plays, in training steps per second (issue 20). What the driver aims at: one step per tick of a 15 ms timer, and several in a tick that comes late (a repaint took long), so that a whole run stays above MIN_RATE. The most training steps of one session (about 3 minutes at 60 steps per second): the history of weights stays small, whatever a lecture does. The worked example&apos;s pixels (0..255) need a small rate: a 3×3 kernel over them is stable below about 6·10⁻⁶ (2 / the largest curvature of the loss). Scrambled weights are rounded to this many decimals: numbers a class can read.</extracomment>
        <translation>{0} 太大：数字应在 {1} 以内。</translation>
    </message>
    <message>
        <source>Pasted row {0}, column {1}: {2}</source>
        <extracomment>{2} is what is wrong with the number there (a sentence).</extracomment>
        <translation>粘贴内容第 {0} 行、第 {1} 列：{2}</translation>
    </message>
    <message>
        <source>There are no numbers to paste.</source>
        <translation>没有可粘贴的数字。</translation>
    </message>
</context>
<context>
    <name>OutputModel</name>
    <message>
        <source>pad</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Output row {0}, column {1}: click to show its step</source>
        <translation>输出第 {0} 行、第 {1} 列：点击显示它对应的那一步</translation>
    </message>
    <message>
        <source>A zero put between the map&apos;s cells</source>
        <translation>插在特征图格子之间的 0</translation>
    </message>
</context>
<context>
    <name>OutputPanel</name>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Map {0}</source>
        <translation>特征图 {0}</translation>
    </message>
    <message>
        <source>Output: none (see the red note)</source>
        <translation>输出：无（见红色提示）</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation>{0}，{1}</translation>
    </message>
</context>
<context>
    <name>PaddedInputModel</name>
    <message>
        <source>Input row {0}, column {1}</source>
        <translation>输入第 {0} 行、第 {1} 列</translation>
    </message>
    <message>
        <source>: no window reaches this cell</source>
        <translation>：没有任何窗口覆盖此单元格</translation>
    </message>
    <message>
        <source>A zero put between the input&apos;s cells</source>
        <translation>插在输入格子之间的 0</translation>
    </message>
    <message>
        <source>Padding: zero</source>
        <translation>填充：零</translation>
    </message>
    <message>
        <source>Padding ({0}): a copy of input row {1}, column {2}</source>
        <translation>填充（{0}）：复制自输入第 {1} 行、第 {2} 列</translation>
    </message>
    <message>
        <source>It takes part in {0} of the {1} windows.</source>
        <translation>它参与了 {1} 个窗口中的 {0} 个。</translation>
    </message>
    <message>
        <source>It takes part in {0} of the {1} windows of kernel {2}.</source>
        <translation>它参与了卷积核 {2} 的 {1} 个窗口中的 {0} 个。</translation>
    </message>
    <message>
        <source>pad</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>{0} The cell keeps its value.</source>
        <translation>{0}该单元格保持原值。</translation>
    </message>
    <message>
        <source>{0} Nothing was pasted.</source>
        <translation>{0}未粘贴任何内容。</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>Lesson: X pattern</source>
        <translation>课程：X 形</translation>
    </message>
    <message>
        <source>The worked example&apos;s kernel: adds the centre and the four corners of each 3×3 window.</source>
        <translation>课上例题的卷积核：把每个 3×3 窗口的中心和四个角相加。</translation>
    </message>
    <message>
        <source>Lesson: vertical edges</source>
        <translation>课程：竖直边缘</translation>
    </message>
    <message>
        <source>Left column minus right column: large where brightness changes from left to right, 0 on flat areas.</source>
        <translation>左列减右列：亮度从左到右变化的地方值大，平坦区域为 0。</translation>
    </message>
    <message>
        <source>Lesson: horizontal edges</source>
        <translation>课程：水平边缘</translation>
    </message>
    <message>
        <source>Top row minus bottom row: large where brightness changes from top to bottom.</source>
        <translation>上行减下行：亮度从上到下变化的地方值大。</translation>
    </message>
    <message>
        <source>Box blur (sum)</source>
        <translation>方框模糊（求和）</translation>
    </message>
    <message>
        <source>Adds the 9 values of each window: a blur whose output is 9 times brighter.</source>
        <translation>把每个窗口的 9 个值相加：一种模糊，输出亮 9 倍。</translation>
    </message>
    <message>
        <source>Box blur (mean)</source>
        <translation>方框模糊（平均）</translation>
    </message>
    <message>
        <source>The average of each 3×3 window (every weight 1/9): smooths noise, keeps the brightness.</source>
        <translation>每个 3×3 窗口的平均值（每个权重都是 1/9）：平滑噪声，保持亮度。</translation>
    </message>
    <message>
        <source>Gaussian 3×3</source>
        <translation>高斯 3×3</translation>
    </message>
    <message>
        <source>A weighted average, heavier in the middle (1 2 1 / 2 4 2 / 1 2 1, over 16): a softer blur than the box.</source>
        <translation>加权平均，中间权重更大（1 2 1 / 2 4 2 / 1 2 1，除以 16）：比方框模糊更柔和。</translation>
    </message>
    <message>
        <source>Gaussian 5×5</source>
        <translation>高斯 5×5</translation>
    </message>
    <message>
        <source>The 5×5 binomial weights (1 4 6 4 1 by itself, over 256): a wider, smoother blur.</source>
        <translation>5×5 的二项式权重（1 4 6 4 1 与自身相乘，除以 256）：范围更大、更平滑的模糊。</translation>
    </message>
    <message>
        <source>Motion blur</source>
        <translation>运动模糊</translation>
    </message>
    <message>
        <source>The average along a diagonal: what a camera moving during the shot does.</source>
        <translation>沿对角线取平均：相当于拍摄时相机在移动。</translation>
    </message>
    <message>
        <source>Sharpen</source>
        <translation>锐化</translation>
    </message>
    <message>
        <source>Five times the centre minus its four neighbours: the value itself plus its difference from the surroundings.</source>
        <translation>中心的 5 倍减去上下左右四个相邻值：即该值本身加上它与周围的差。</translation>
    </message>
    <message>
        <source>Unsharp mask 5×5</source>
        <translation>反锐化掩模 5×5</translation>
    </message>
    <message>
        <source>The value plus (value − its Gaussian blur): sharpens by adding back the detail a blur removes.</source>
        <translation>原值加上（原值 − 它的高斯模糊）：把模糊去掉的细节加回来，从而锐化。</translation>
    </message>
    <message>
        <source>Laplacian (4 neighbours)</source>
        <translation>拉普拉斯（4 邻域）</translation>
    </message>
    <message>
        <source>The four neighbours minus four times the centre: 0 on flat and evenly sloping areas, large at edges in any direction.</source>
        <translation>四个相邻值减去中心的 4 倍：平坦区域和均匀倾斜的区域为 0，任何方向的边缘处值都大。</translation>
    </message>
    <message>
        <source>Laplacian (8 neighbours)</source>
        <translation>拉普拉斯（8 邻域）</translation>
    </message>
    <message>
        <source>All eight neighbours minus eight times the centre: like the 4-neighbour one, diagonals included.</source>
        <translation>八个相邻值减去中心的 8 倍：与 4 邻域的类似，但包括对角方向。</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>轮廓</translation>
    </message>
    <message>
        <source>Eight times the centre minus its neighbours: bright outlines, flat areas black.</source>
        <translation>中心的 8 倍减去相邻值：轮廓明亮，平坦区域为黑色。</translation>
    </message>
    <message>
        <source>Sobel x</source>
        <translation>Sobel x</translation>
    </message>
    <message>
        <source>Right minus left, the middle row counted twice: the horizontal gradient, less sensitive to noise than a plain difference.</source>
        <translation>右减左，中间一行计两次：水平梯度，比简单的差分对噪声更不敏感。</translation>
    </message>
    <message>
        <source>Sobel y</source>
        <translation>Sobel y</translation>
    </message>
    <message>
        <source>Bottom minus top, the middle column counted twice: the vertical gradient.</source>
        <translation>下减上，中间一列计两次：竖直梯度。</translation>
    </message>
    <message>
        <source>Prewitt x</source>
        <translation>Prewitt x</translation>
    </message>
    <message>
        <source>Right column minus left column, each row alike: the simplest horizontal gradient.</source>
        <translation>右列减左列，每行权重相同：最简单的水平梯度。</translation>
    </message>
    <message>
        <source>Prewitt y</source>
        <translation>Prewitt y</translation>
    </message>
    <message>
        <source>Bottom row minus top row: the simplest vertical gradient.</source>
        <translation>下行减上行：最简单的竖直梯度。</translation>
    </message>
    <message>
        <source>Scharr x</source>
        <translation>Scharr x</translation>
    </message>
    <message>
        <source>Like Sobel x with weights 3, 10, 3: a gradient that treats every direction more evenly.</source>
        <translation>与 Sobel x 类似，权重为 3、10、3：对各个方向更加均衡的梯度。</translation>
    </message>
    <message>
        <source>Scharr y</source>
        <translation>Scharr y</translation>
    </message>
    <message>
        <source>Like Sobel y with weights 3, 10, 3.</source>
        <translation>与 Sobel y 类似，权重为 3、10、3。</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>恒等</translation>
    </message>
    <message>
        <source>A 1 in the middle: every output value is the input value under it (with valid padding, the border is lost).</source>
        <translation>中间为 1：每个输出值就是其下方的输入值（用 valid 填充时，边界会丢失）。</translation>
    </message>
    <message>
        <source>Emboss</source>
        <translation>浮雕</translation>
    </message>
    <message>
        <source>Bottom-right minus top-left, plus the value itself: edges look raised, as if lit from one side.</source>
        <translation>右下减左上，再加上该值本身：边缘看起来凸起，像是从一侧打光。</translation>
    </message>
    <message>
        <source>1×1 (times 2)</source>
        <translation>1×1（乘 2）</translation>
    </message>
    <message>
        <source>A 1×1 kernel: doubles every value, looks at no neighbour; with several channels a 1×1 kernel mixes them.</source>
        <translation>1×1 的卷积核：把每个值加倍，不看任何相邻值；有多个通道时，1×1 卷积核会把它们混合起来。</translation>
    </message>
    <message>
        <source>Even 2×2 (sum)</source>
        <translation>偶数 2×2（求和）</translation>
    </message>
    <message>
        <source>A 2×2 kernel has no centre: under same padding it needs padding on one side only.</source>
        <translation>2×2 的卷积核没有中心：在 same 填充下只需在一侧填充。</translation>
    </message>
    <message>
        <source>RGB → grey (1×1×3)</source>
        <translation>RGB → 灰度（1×1×3）</translation>
    </message>
    <message>
        <source>0.299 R + 0.587 G + 0.114 B at each pixel: a 1×1 kernel across three channels turns colour into grey. For a 3-channel input.</source>
        <translation>在每个像素上计算 0.299 R + 0.587 G + 0.114 B：跨三个通道的 1×1 卷积核把彩色变成灰度。用于 3 通道输入。</translation>
    </message>
    <message>
        <source>Vertical edges on R, G and B (3×3×3)</source>
        <translation>R、G、B 上的竖直边缘（3×3×3）</translation>
    </message>
    <message>
        <source>The lesson&apos;s vertical edge kernel on each of the three channels, added up: one map of colour edges. For a 3-channel input.</source>
        <translation>把课上的竖直边缘卷积核用在三个通道上并相加：得到一个彩色边缘特征图。用于 3 通道输入。</translation>
    </message>
    <message>
        <source>lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>blur and smoothing</source>
        <translation>模糊与平滑</translation>
    </message>
    <message>
        <source>sharpen</source>
        <translation>锐化</translation>
    </message>
    <message>
        <source>edges and gradients</source>
        <translation>边缘与梯度</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>colour</source>
        <translation>彩色</translation>
    </message>
    <message>
        <source>This is not a ConvStudio kernel file (“format” must be {0}).</source>
        <translation>这不是 ConvStudio 卷积核文件（“format”必须是 {0}）。</translation>
    </message>
    <message>
        <source>“kernels” must be a list of {{name, weights}}.</source>
        <translation>“kernels”必须是由 {{name, weights}} 组成的数组。</translation>
    </message>
    <message>
        <source>Kernel {0} needs a “name” (text).</source>
        <translation>卷积核 {0} 需要“name”（文本）。</translation>
    </message>
    <message>
        <source>Kernel {0} (“{1}”)</source>
        <translation>卷积核 {0}（“{1}”）</translation>
    </message>
    <message>
        <source>{0}: a name has at most {1} characters.</source>
        <translation>{0}：名称最多 {1} 个字符。</translation>
    </message>
    <message>
        <source>{0} has {1}, one per input channel; a scene has at most {2}.</source>
        <extracomment>{1} is &quot;500000 slices&quot;, {2} &quot;64 input channels&quot; (both translated apart).</extracomment>
        <translation>{0} 有 {1}（每个输入通道一个）；场景最多只有 {2}。</translation>
    </message>
    <message>
        <source>{0}, slice {1}</source>
        <translation>{0}，切片 {1}</translation>
    </message>
    <message>
        <source>{0}: every slice of “weights” must be the same size.</source>
        <translation>{0}：“weights”的每个切片大小必须相同。</translation>
    </message>
    <message>
        <source>{0}: “group” and “description” must be text.</source>
        <translation>{0}：“group”和“description”必须是文本。</translation>
    </message>
    <message>
        <source>{0}: “weights” must be rows of numbers, all the same length.</source>
        <translation>{0}：“weights”必须由数字行组成，且每行长度相同。</translation>
    </message>
    <message>
        <source>{0}, row {1}, column {2}: {3} is not a number.</source>
        <translation>{0}，第 {1} 行，第 {2} 列：{3} 不是数字。</translation>
    </message>
    <message>
        <source>{0}, row {1}, column {2}: {3} is not a finite number within ±10¹².</source>
        <translation>{0}，第 {1} 行，第 {2} 列：{3} 不是 ±10¹² 以内的有限数。</translation>
    </message>
    <message>
        <source>{0} is larger than {1}×{2}.</source>
        <translation>{0} 大于 {1}×{2}。</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>This kernel file was made by {0}; this is ConvStudio {1}, which cannot read its format (version {2}). Install {0} or newer to open it.</source>
        <translation>这个卷积核文件是 {0} 做的；这里是 ConvStudio {1}，读不了它的格式（第 {2} 版）。请安装 {0} 或更新的版本来打开它。</translation>
    </message>
    <message>
        <source>Kernel files of version {0} cannot be read here.</source>
        <translation>无法读取版本为 {0} 的卷积核文件。</translation>
    </message>
    <message>
        <source>a kernel file</source>
        <translation>卷积核文件</translation>
    </message>
    <message>
        <source>{0} is not valid JSON (line {1}: {2}).</source>
        <translation>{0} 不是有效的 JSON（第 {1} 行：{2}）。</translation>
    </message>
    <message>
        <source>{0} holds a number too long to read.</source>
        <translation>{0} 中有一个数字太长，无法读取。</translation>
    </message>
    <message>
        <source>{0} is nested too deeply to be a kernel file.</source>
        <translation>{0} 嵌套太深，不可能是卷积核文件。</translation>
    </message>
    <message>
        <source>“bias”: {0} is not a finite number or null.</source>
        <translation>“bias”：{0} 不是有限数，也不是 null。</translation>
    </message>
    <message>
        <source>{0} holds {1} kernels, not one.</source>
        <translation>{0} 包含 {1} 个卷积核，而不是一个。</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>是(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>否(&amp;N)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <source>Space</source>
        <translation>空格键</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>左方向键</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>右方向键</translation>
    </message>
</context>
<context>
    <name>Quiz</name>
    <message>
        <source>“{0}” is not a size: type rows × columns, like {1}.</source>
        <extracomment>{0} is what the user typed; {1} is 4x4, a size as the user types it.</extracomment>
        <translation>“{0}”不是尺寸：请输入行数 × 列数，例如 {1}。</translation>
    </message>
    <message>
        <source>Guess the output&apos;s size first: rows × columns.</source>
        <translation>先猜输出的尺寸：行数 × 列数。</translation>
    </message>
    <message>
        <source>There is no hidden value to guess now: take the next step.</source>
        <translation>现在没有需要猜的隐藏值：请走下一步。</translation>
    </message>
    <message>
        <source>The output&apos;s size is not asked now.</source>
        <translation>现在不问输出的尺寸。</translation>
    </message>
</context>
<context>
    <name>QuizView</name>
    <message>
        <source>Reveal</source>
        <translation>揭晓</translation>
    </message>
    <message>
        <source>Show the answer (→ or PageDown does too)</source>
        <translation>显示答案（也可按 → 或 PageDown）</translation>
    </message>
    <message>
        <source>Output size (rows × columns):</source>
        <translation>输出尺寸（行数 × 列数）：</translation>
    </message>
    <message>
        <source>4×4</source>
        <translation>4×4</translation>
    </message>
    <message>
        <source>Your guess:</source>
        <translation>你的猜测：</translation>
    </message>
    <message>
        <source>Next step: → or PageDown</source>
        <translation>下一步：→ 或 PageDown</translation>
    </message>
    <message>
        <source>{0} of {1} right</source>
        <translation>答对 {0} 题，共 {1} 题</translation>
    </message>
    <message>
        <source>{0} (rows and columns)</source>
        <translation>{0}（行、列相同）</translation>
    </message>
    <message>
        <source>rows {0}, columns {1}</source>
        <translation>行 {0}，列 {1}</translation>
    </message>
    <message>
        <source>The output is {0}×{1}: {2}</source>
        <translation>输出为 {0}×{1}：{2}</translation>
    </message>
    <message>
        <source>Your {0}: right! {1}</source>
        <translation>你猜 {0}：答对了！{1}</translation>
    </message>
    <message>
        <source>Your {0}: wrong, it is {1}×{2}: {3}</source>
        <translation>你猜 {0}：不对，应为 {1}×{2}：{3}</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <source>{0} or {1}</source>
        <extracomment>{0} and {1} are array shapes, H×W and C×H×W (rows, columns, channels).</extracomment>
        <translation>{0} 或 {1}</translation>
    </message>
    <message>
        <source>{0}, {1} or {2}</source>
        <extracomment>{0}, {1} and {2} are array shapes, kH×kW, C×kH×kW and O×C×kH×kW.</extracomment>
        <translation>{0}、{1} 或 {2}</translation>
    </message>
    <message>
        <source>at least {0} in every dimension</source>
        <translation>每个维度至少为 {0}</translation>
    </message>
    <message>
        <source>The input is {0}, but it must be {1}.</source>
        <extracomment>{0} is a shape such as 5 or 1×1×5×5; {1} what it must be (translated apart).</extracomment>
        <translation>输入是 {0}，但必须是 {1}。</translation>
    </message>
    <message>
        <source>The input is a single number, but it must be {0}.</source>
        <translation>输入是单个数字，但必须是 {0}。</translation>
    </message>
    <message>
        <source>The kernel is {0}, but it must be {1}.</source>
        <translation>卷积核是 {0}，但必须是 {1}。</translation>
    </message>
    <message>
        <source>The kernel is a single number, but it must be {0}.</source>
        <translation>卷积核是单个数字，但必须是 {0}。</translation>
    </message>
    <message>
        <source>a single number</source>
        <extracomment>What an array without dimensions is, in &quot;The {0} is {1}, but it must be {2}.&quot;</extracomment>
        <translation>单个数字</translation>
    </message>
    <message>
        <source>The {0} is {1}, but it must be {2}.</source>
        <extracomment>{0} is an English word from the engine; {1} a shape; {2} what it must be.</extracomment>
        <translation>{0} 是 {1}，但必须是 {2}。</translation>
    </message>
    <message>
        <source>Unknown padding {0}; use one of {1}.</source>
        <extracomment>{0} is what the user asked for, quoted; {1} the padding words, valid, same, full.</extracomment>
        <translation>未知的填充 {0}；请使用以下之一：{1}。</translation>
    </message>
    <message>
        <source>Unknown padding mode {0}; use one of {1}.</source>
        <translation>未知的填充模式 {0}；请使用以下之一：{1}。</translation>
    </message>
    <message>
        <source>Unknown {0} {1}; use one of {2}.</source>
        <extracomment>{0} is an English word from the engine; {1} the value asked for; {2} the choices.</extracomment>
        <translation>未知的 {0} {1}；请使用以下之一：{2}。</translation>
    </message>
    <message>
        <source>{0} padding only works with stride {1} (the stride is {2}): with a larger stride the output cannot be as large as the input.</source>
        <extracomment>{0} is &apos;same&apos;, the padding word as the user types it; {1} and {2} are strides.</extracomment>
        <translation>{0} 填充只适用于步长 {1}（当前步长为 {2}）：步长更大时，输出不可能和输入一样大。</translation>
    </message>
    <message>
        <source>The kernel spans {0} rows ({1} taps at dilation {2}) but the padded input has only {3}: make the kernel or the dilation smaller, or add padding.</source>
        <extracomment>{3} is &quot;3 rows&quot; (translated apart); the others are numbers.</extracomment>
        <translation>卷积核跨越 {0} 行（{1} 个权重，膨胀为 {2}），但填充后的输入只有 {3}：请缩小卷积核或膨胀，或者增加填充。</translation>
    </message>
    <message>
        <source>The kernel spans {0} rows but the padded input has only {1}: make the kernel smaller or add padding.</source>
        <translation>卷积核跨越 {0} 行，但填充后的输入只有 {1}：请缩小卷积核或增加填充。</translation>
    </message>
    <message>
        <source>The kernel spans {0} columns ({1} taps at dilation {2}) but the padded input has only {3}: make the kernel or the dilation smaller, or add padding.</source>
        <translation>卷积核跨越 {0} 列（{1} 个权重，膨胀为 {2}），但填充后的输入只有 {3}：请缩小卷积核或膨胀，或者增加填充。</translation>
    </message>
    <message>
        <source>The kernel spans {0} columns but the padded input has only {1}: make the kernel smaller or add padding.</source>
        <translation>卷积核跨越 {0} 列，但填充后的输入只有 {1}：请缩小卷积核或增加填充。</translation>
    </message>
    <message>
        <source>{0} padding of {1} needs an input of at least {2} rows, and it has {3}: reduce the padding or use {4} or {5} padding.</source>
        <extracomment>{0} is Reflect or Circular, {4} zeros and {5} replicate: padding modes as the user chooses them (they stay in English); {1}, {2}, {3} are numbers.</extracomment>
        <translation>{0} 填充 {1} 圈需要输入至少有 {2} 行，而它只有 {3} 行：请减少填充，或改用 {4} 或 {5} 填充。</translation>
    </message>
    <message>
        <source>{0} padding of {1} needs an input of at least {2} columns, and it has {3}: reduce the padding or use {4} or {5} padding.</source>
        <translation>{0} 填充 {1} 圈需要输入至少有 {2} 列，而它只有 {3} 列：请减少填充，或改用 {4} 或 {5} 填充。</translation>
    </message>
    <message>
        <source>The number of groups must be at least {0}, not {1}.</source>
        <translation>分组数至少为 {0}，不能是 {1}。</translation>
    </message>
    <message>
        <source>{0} groups must divide both the {1} and the {2}, and they do not.</source>
        <extracomment>{1} is &quot;3 input channels&quot;, {2} &quot;2 kernels&quot; (both translated apart).</extracomment>
        <translation>分组数 {0} 必须能同时整除 {1} 和 {2}，但现在不能。</translation>
    </message>
    <message>
        <source>The input has {0}, so each kernel needs {1} with {2} groups, but it has {3}.</source>
        <extracomment>{0} is &quot;3 channels&quot;, {1} &quot;3 slices&quot; (both translated apart); {2}, {3} numbers.</extracomment>
        <translation>输入有 {0}，因此分成 {2} 组时每个卷积核需要 {1}，但它有 {3} 个。</translation>
    </message>
    <message>
        <source>The input has {0}, so each kernel needs {1}, but it has {2}.</source>
        <translation>输入有 {0}，因此每个卷积核需要 {1}，但它有 {2} 个。</translation>
    </message>
    <message>
        <source>The padded input would have {0} cells; the most this can compute is {1}. Use less padding or a smaller input.</source>
        <extracomment>{0} and {1} are numbers of cells, written with commas: 123,456,789.</extracomment>
        <translation>填充后的输入将有 {0} 个单元格；最多只能计算 {1} 个。请减少填充或使用更小的输入。</translation>
    </message>
    <message>
        <source>The output would have {0} cells; the most this can compute is {1}. Use less padding or a smaller input.</source>
        <translation>输出将有 {0} 个单元格；最多只能计算 {1} 个。请减少填充或使用更小的输入。</translation>
    </message>
    <message>
        <source>The {0} would have {1} cells; the most this can compute is {2}. Use less padding or a smaller input.</source>
        <translation>{0} 将有 {1} 个单元格；最多只能计算 {2} 个。请减少填充或使用更小的输入。</translation>
    </message>
    <message>
        <source>The padding of {0} rows is more than half the window of {1}: padding may be at most {2}.</source>
        <extracomment>A pooling layer&apos;s padding; {0}, {1}, {2} are numbers.</extracomment>
        <translation>{0} 行的填充超过窗口 {1} 的一半：填充最多只能是 {2}。</translation>
    </message>
    <message>
        <source>The padding of {0} columns is more than half the window of {1}: padding may be at most {2}.</source>
        <translation>{0} 列的填充超过窗口 {1} 的一半：填充最多只能是 {2}。</translation>
    </message>
    <message>
        <source>The input has {0} ({1} with padding), fewer than the window&apos;s {2}: no window fits.</source>
        <extracomment>{0} is &quot;1 row&quot; or &quot;3 columns&quot; (translated apart); {1}, {2} are numbers.</extracomment>
        <translation>输入只有 {0}（加上填充是 {1}），比窗口的 {2} 少：放不下任何一个窗口。</translation>
    </message>
    <message>
        <source>The input has {0}, fewer than the window&apos;s {1}: no window fits.</source>
        <extracomment>{0} is &quot;1 row&quot; or &quot;3 columns&quot; (translated apart); {1} is a number.</extracomment>
        <translation>输入只有 {0}，比窗口的 {1} 少：放不下任何一个窗口。</translation>
    </message>
    <message>
        <source>Window {0} along the rows reads only padding: use less padding or a smaller dilation.</source>
        <extracomment>{0} is a window&apos;s number along the rows.</extracomment>
        <translation>沿着行方向的第 {0} 个窗口只读到填充：请减少填充或缩小膨胀。</translation>
    </message>
    <message>
        <source>Window {0} along the columns reads only padding: use less padding or a smaller dilation.</source>
        <translation>沿着列方向的第 {0} 个窗口只读到填充：请减少填充或缩小膨胀。</translation>
    </message>
    <message>
        <source>The output padding cannot be negative ({0}).</source>
        <translation>输出填充不能为负数（{0}）。</translation>
    </message>
    <message>
        <source>The output padding of {0} rows must be smaller than the stride ({1}) or the dilation ({2}).</source>
        <extracomment>A transposed convolution&apos;s output padding; {0}, {1}, {2} are numbers.</extracomment>
        <translation>{0} 行的输出填充必须小于步长（{1}）或膨胀（{2}）。</translation>
    </message>
    <message>
        <source>The output padding of {0} columns must be smaller than the stride ({1}) or the dilation ({2}).</source>
        <translation>{0} 列的输出填充必须小于步长（{1}）或膨胀（{2}）。</translation>
    </message>
    <message>
        <source>A transposed convolution&apos;s kernels must be {0} = {1} for this input, but they are {2}.</source>
        <extracomment>{0} is torch&apos;s layout of the kernels (kept in English); {1} the shape it must have (&quot;(3, …, 3, 3)&quot;), {2} the shape they have.</extracomment>
        <translation>对这个输入，转置卷积的卷积核必须是 {0} = {1}，但它们是 {2}。</translation>
    </message>
    <message>
        <source>The output would have {0} rows: {1}; use less padding.</source>
        <extracomment>{0} is a number of rows (0 or less), {1} the formula that gives it.</extracomment>
        <translation>输出会有 {0} 行：{1}；请减少填充。</translation>
    </message>
    <message>
        <source>The output would have {0} columns: {1}; use less padding.</source>
        <translation>输出会有 {0} 列：{1}；请减少填充。</translation>
    </message>
    <message>
        <source>Layer {0} ({1}): {2}</source>
        <extracomment>{0} is the layer&apos;s number from 1, {1} its name (&quot;max pool 2×2&quot;), {2} what is wrong.</extracomment>
        <translation>第 {0} 层（{1}）：{2}</translation>
    </message>
    <message>
        <source>The stride must be at least {0}, not {1}.</source>
        <translation>步长至少为 {0}，不能是 {1}。</translation>
    </message>
    <message>
        <source>The dilation must be at least {0}, not {1}.</source>
        <translation>膨胀至少为 {0}，不能是 {1}。</translation>
    </message>
    <message>
        <source>The padding cannot be negative ({0}).</source>
        <translation>填充不能为负数（{0}）。</translation>
    </message>
    <message>
        <source>The bias needs one value per kernel ({0}), but it has {1}.</source>
        <translation>偏置需要每个卷积核一个值（{0} 个），但现在有 {1} 个。</translation>
    </message>
    <message>
        <source>The pooling window must be at least {0}, not {1}.</source>
        <translation>池化窗口至少为 {0}，不能是 {1}。</translation>
    </message>
</context>
<context>
    <name>Resources</name>
    <message>
        <source>ConvStudio&apos;s installation is damaged: its resources folder {0} is missing. Install ConvStudio again.</source>
        <translation>ConvStudio 的安装已损坏：找不到它的资源文件夹 {0}。请重新安装 ConvStudio。</translation>
    </message>
    <message>
        <source>ConvStudio&apos;s installation is damaged: {0} is missing from {1}. Install ConvStudio again.</source>
        <extracomment>The sizes of the app&apos;s icon as PNG (``icons/convstudio-N.png``), as desktops ask for them.</extracomment>
        <translation>ConvStudio 的安装已损坏：{1} 里少了 {0}。请重新安装 ConvStudio。</translation>
    </message>
</context>
<context>
    <name>ScatterTargets</name>
    <message>
        <source>Added into output rows {0}, columns {1}</source>
        <extracomment>{0} the output rows (&quot;1–3&quot;, or &quot;2&quot;), {1} the columns.</extracomment>
        <translation>加进输出第 {0} 行、第 {1} 列</translation>
    </message>
    <message>
        <source>Added into output rows {0}, columns {1} of map {2}</source>
        <extracomment>{2} the output map&apos;s number.</extracomment>
        <translation>加进特征图 {2} 的第 {0} 行、第 {1} 列</translation>
    </message>
    <message>
        <source>Added into output rows {0}, columns {1} of maps {2}</source>
        <extracomment>{2} the output maps&apos; numbers (&quot;1–2&quot;).</extracomment>
        <translation>加进特征图 {2} 的第 {0} 行、第 {1} 列</translation>
    </message>
</context>
<context>
    <name>Scene</name>
    <message>
        <source>{0}, entry {1}</source>
        <translation>{0}，第 {1} 项</translation>
    </message>
    <message>
        <source>{0}, row {1}</source>
        <translation>{0}，第 {1} 行</translation>
    </message>
    <message>
        <source>{0}, row {1}, column {2}</source>
        <translation>{0}，第 {1} 行，第 {2} 列</translation>
    </message>
    <message>
        <source>{0}, channel {1}</source>
        <translation>{0}，通道 {1}</translation>
    </message>
    <message>
        <source>{0}, channel {1}, row {2}</source>
        <translation>{0}，通道 {1}，第 {2} 行</translation>
    </message>
    <message>
        <source>{0}, channel {1}, row {2}, column {3}</source>
        <translation>{0}，通道 {1}，第 {2} 行，第 {3} 列</translation>
    </message>
    <message>
        <source>{0}, kernel {1}</source>
        <translation>{0}，卷积核 {1}</translation>
    </message>
    <message>
        <source>{0}, kernel {1}, slice {2}</source>
        <translation>{0}，卷积核 {1}，切片 {2}</translation>
    </message>
    <message>
        <source>{0}, kernel {1}, slice {2}, row {3}</source>
        <translation>{0}，卷积核 {1}，切片 {2}，第 {3} 行</translation>
    </message>
    <message>
        <source>{0}, kernel {1}, slice {2}, row {3}, column {4}</source>
        <translation>{0}，卷积核 {1}，切片 {2}，第 {3} 行，第 {4} 列</translation>
    </message>
    <message>
        <source>{0}-D</source>
        <translation>{0} 维</translation>
    </message>
    <message>
        <source>{0} or {1}</source>
        <translation>{0}或 {1}</translation>
    </message>
    <message>
        <source>“{0}” must be a non-empty list of rows of numbers.</source>
        <translation>“{0}”必须是由数字行组成的非空数组。</translation>
    </message>
    <message>
        <source>{0}-D or more</source>
        <translation>{0} 维或更高</translation>
    </message>
    <message>
        <source>“{0}” must be a {1} list of numbers, not {2}.</source>
        <translation>“{0}”必须是{1}的数字数组，而不是{2}的。</translation>
    </message>
    <message>
        <source>{0}: {1} is not a number.</source>
        <translation>{0}：{1} 不是数字。</translation>
    </message>
    <message>
        <source>“target” must be a grid of numbers.</source>
        <translation>“target”必须是由数字组成的网格。</translation>
    </message>
    <message>
        <source>“target” must be a map of C×H×W numbers, not {0}.</source>
        <translation>“target”必须是 C×H×W 个数字的特征图，不能是 {0}。</translation>
    </message>
    <message>
        <source>“target” must be {0}, the last layer&apos;s output shape, not {1}.</source>
        <extracomment>{0} and {1} are shapes such as 1×4×4 (channels×rows×columns)</extracomment>
        <translation>“target”必须是 {0}，也就是最后一层输出的形状，不能是 {1}。</translation>
    </message>
    <message>
        <source>{0}: {1} is out of range.</source>
        <translation>{0}：{1} 超出范围。</translation>
    </message>
    <message>
        <source>{0}: expected a list, got {1}.</source>
        <translation>{0}：应为数组，实际为 {1}。</translation>
    </message>
    <message>
        <source>{0} has {1} entries, but the first has {2}: every row must be the same length.</source>
        <translation>{0} 有 {1} 个元素，但第一个有 {2} 个：每一行的长度必须相同。</translation>
    </message>
    <message>
        <source>“{0}” is too large ({1}).</source>
        <translation>“{0}”太大（{1}）。</translation>
    </message>
    <message>
        <source>a number of about {0} digits</source>
        <translation>一个约 {0} 位的数字</translation>
    </message>
    <message>
        <source>“{0}” must be a whole number or a list of two, not {1}.</source>
        <translation>“{0}”必须是整数或由两个整数组成的数组，不能是 {1}。</translation>
    </message>
    <message>
        <source>“{0}” must be at least {1}, not {2}.</source>
        <translation>“{0}”至少为 {1}，不能是 {2}。</translation>
    </message>
    <message>
        <source>“{0}” must be at most {1}, not {2}.</source>
        <translation>“{0}”最多为 {1}，不能是 {2}。</translation>
    </message>
    <message>
        <source>The file does not hold a scene (expected a JSON object).</source>
        <translation>该文件不包含场景（应为 JSON 对象）。</translation>
    </message>
    <message>
        <source>This is not a ConvStudio scene: “format” is {0}, expected {1}.</source>
        <translation>这不是 ConvStudio 场景：“format”是 {0}，应为 {1}。</translation>
    </message>
    <message>
        <source>“version” must be a whole number, not {0}.</source>
        <translation>“version”必须是整数，不能是 {0}。</translation>
    </message>
    <message>
        <source>This scene was made by {0}; this is ConvStudio {1}, which cannot read its format (version {2}). Install {0} or newer to open it.</source>
        <translation>这个场景是 {0} 做的；这里是 ConvStudio {1}，读不了它的格式（第 {2} 版）。请安装 {0} 或更新的版本来打开它。</translation>
    </message>
    <message>
        <source>This scene was saved by a newer ConvStudio (version {0}); this one reads version {1}.</source>
        <translation>此场景由更新版本的 ConvStudio 保存（版本 {0}）；当前版本只能读取版本 {1}。</translation>
    </message>
    <message>
        <source>“version” must be 1 or 2, not {0}.</source>
        <translation>“version”必须是 1 或 2，不能是 {0}。</translation>
    </message>
    <message>
        <source>Unknown field “{0}”.</source>
        <translation>未知字段“{0}”。</translation>
    </message>
    <message>
        <source>The field “{0}” is missing.</source>
        <translation>缺少字段“{0}”。</translation>
    </message>
    <message>
        <source>“title” must be text.</source>
        <translation>“title”必须是文本。</translation>
    </message>
    <message>
        <source>“layers” must hold at least one “conv2d” or “conv_transpose2d” layer.</source>
        <translation>“layers”至少要有一个“conv2d”或“conv_transpose2d”层。</translation>
    </message>
    <message>
        <source>“bias” must be null or a list of numbers, one per kernel.</source>
        <translation>“bias”必须是 null 或数字数组，每个卷积核一个数。</translation>
    </message>
    <message>
        <source>“padding” must be a number or one of {0}, not {1}.</source>
        <translation>“padding”必须是数字或 {0} 之一，不能是 {1}。</translation>
    </message>
    <message>
        <source>“padding_mode” must be one of {0}, not {1}.</source>
        <translation>“padding_mode”必须是 {0} 之一，不能是 {1}。</translation>
    </message>
    <message>
        <source>“groups” must be a whole number of at least 1, not {0}.</source>
        <translation>“groups”必须是不小于 1 的整数，不能是 {0}。</translation>
    </message>
    <message>
        <source>“groups” must be at most {0}, not {1}.</source>
        <translation>“groups”最多为 {0}，不能是 {1}。</translation>
    </message>
    <message>
        <source>“true_convolution” must be true or false, not {0}.</source>
        <translation>“true_convolution”必须是 true 或 false，不能是 {0}。</translation>
    </message>
    <message>
        <source>“channel_names” must be a list of names, one per input channel.</source>
        <translation>“channel_names”必须是名称数组，每个输入通道一个名称。</translation>
    </message>
    <message>
        <source>“channel_names” has {0} names, but the input has {1} channel.</source>
        <translation>“channel_names”有 {0} 个名称，但输入有 {1} 个通道。</translation>
    </message>
    <message>
        <source>“channel_names” has {0} names, but the input has {1} channels.</source>
        <translation>“channel_names”有 {0} 个名称，但输入有 {1} 个通道。</translation>
    </message>
    <message>
        <source>a scene file</source>
        <translation>场景文件</translation>
    </message>
    <message>
        <source>{0} is not valid JSON (line {1}, column {2}: {3}).</source>
        <translation>{0} 不是有效的 JSON（第 {1} 行，第 {2} 列：{3}）。</translation>
    </message>
    <message>
        <source>{0} holds a number too long to read.</source>
        <translation>{0} 中有一个数字太长，无法读取。</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>{0} is nested too deeply to be a scene.</source>
        <translation>{0} 嵌套太深，不可能是场景。</translation>
    </message>
</context>
<context>
    <name>Scenes</name>
    <message>
        <source>Average pooling 2×2 with padding 1: 6×6 → 4×4 → 3×3</source>
        <translation>平均池化 2×2、填充 1：6×6 → 4×4 → 3×3</translation>
    </message>
    <message>
        <source>Kernel 3×3 at stride 2: overlaps of 1, 2 and 4</source>
        <translation>卷积核 3×3、步长 2：重叠 1、2 和 4 次</translation>
    </message>
    <message>
        <source>torch.nn.Conv2d(1, 2, kernel_size=3, stride=2, padding=1, bias=True)</source>
        <translation>torch.nn.Conv2d(1, 2, kernel_size=3, stride=2, padding=1, bias=True)</translation>
    </message>
    <message>
        <source>A convolution and its transpose: 4×4 → 2×2 → 4×4</source>
        <translation>卷积与它的转置：4×4 → 2×2 → 4×4</translation>
    </message>
    <message>
        <source>Receptive field, parameters and cost of one layer: 6×6×3 → 4×4×3</source>
        <translation>单层的感受野、参数和计算量：6×6×3 → 4×4×3</translation>
    </message>
    <message>
        <source>Depthwise: groups = channels, one kernel per channel</source>
        <translation>深度（depthwise）卷积：分组数 = 通道数，每个通道一个卷积核</translation>
    </message>
    <message>
        <source>Dilation 2: a 3×3 kernel spans 5×5</source>
        <translation>膨胀 2：3×3 卷积核覆盖 5×5</translation>
    </message>
    <message>
        <source>Stride 2 down, stride 2 up: 4×4 → 2×2 → 4×4</source>
        <translation>步长 2 下、步长 2 上：4×4 → 2×2 → 4×4</translation>
    </message>
    <message>
        <source>A gradient through max pooling and ReLU: 6×6 → 4×4 → 2×2 → 2×2</source>
        <translation>梯度穿过最大池化和 ReLU：6×6 → 4×4 → 2×2 → 2×2</translation>
    </message>
    <message>
        <source>Groups = 2: each kernel sees half the channels, as on AlexNet&apos;s two GPUs</source>
        <translation>分组 = 2：每个卷积核只看到一半通道，如同 AlexNet 的两块 GPU</translation>
    </message>
    <message>
        <source>Learn an edge kernel from a photo</source>
        <translation>从照片学出边缘卷积核</translation>
    </message>
    <message>
        <source>Learn the X kernel: 6×6 input, its 4×4 map as the target</source>
        <translation>学习 X 卷积核：6×6 输入，以它的 4×4 特征图为目标</translation>
    </message>
    <message>
        <source>A learning rate too large: the loss explodes</source>
        <translation>学习率太大：损失爆炸</translation>
    </message>
    <message>
        <source>Max pooling 2×2, stride 2: 6×6 → 4×4 → 2×2</source>
        <translation>最大池化 2×2、步长 2：6×6 → 4×4 → 2×2</translation>
    </message>
    <message>
        <source>Without padding: the map shrinks, and the edges are used less</source>
        <translation>不填充：特征图缩小，边缘用得更少</translation>
    </message>
    <message>
        <source>Why kernels are odd: a 2×2 kernel has no centre</source>
        <translation>为什么卷积核的边长是奇数：2×2 卷积核没有中心</translation>
    </message>
    <message>
        <source>1×1 convolution: mixing channels at each pixel</source>
        <translation>1×1 卷积：在每个像素上混合通道</translation>
    </message>
    <message>
        <source>A convolution, then ReLU: 6×6 → 4×4 → 4×4</source>
        <translation>先卷积，再 ReLU：6×6 → 4×4 → 4×4</translation>
    </message>
    <message>
        <source>RGB 6×6×3 with one 3×3×3 kernel: one 4×4 map</source>
        <translation>RGB 6×6×3 配一个 3×3×3 卷积核：一个 4×4 特征图</translation>
    </message>
    <message>
        <source>Two kernels with biases: a 4×4×2 output</source>
        <translation>两个带偏置的卷积核：4×4×2 的输出</translation>
    </message>
    <message>
        <source>A small CNN: 8×8 → 6×6 → 6×6 → 3×3 → 1×1</source>
        <translation>小型 CNN：8×8 → 6×6 → 6×6 → 3×3 → 1×1</translation>
    </message>
    <message>
        <source>When (n + 2p − f)/s is not whole: 6×6, 3×3, stride 2</source>
        <translation>当 (n + 2p − f)/s 不是整数时：6×6，3×3，步长 2</translation>
    </message>
    <message>
        <source>Stride 2: a 5×5 input and a 3×3 kernel give 2×2</source>
        <translation>步长 2：5×5 的输入和 3×3 的卷积核得到 2×2</translation>
    </message>
    <message>
        <source>Three 3×3 convolutions: 7×7 → 5×5 → 3×3 → 1×1</source>
        <translation>三层 3×3 卷积：7×7 → 5×5 → 3×3 → 1×1</translation>
    </message>
    <message>
        <source>Transposed convolution, kernel 2×2, stride 2: 2×2 → 4×4</source>
        <translation>转置卷积，卷积核 2×2、步长 2：2×2 → 4×4</translation>
    </message>
    <message>
        <source>Two 3×3 convolutions: 7×7 → 5×5 → 3×3</source>
        <translation>两层 3×3 卷积：7×7 → 5×5 → 3×3</translation>
    </message>
    <message>
        <source>Valid and same: no padding, or the padding that keeps the size</source>
        <translation>valid 和 same：不填充，或使用保持尺寸不变的填充</translation>
    </message>
    <message>
        <source>Why convolution: 28 parameters instead of 3 000 000 000</source>
        <translation>为什么要用卷积：28 个参数，而不是 3 000 000 000 个</translation>
    </message>
    <message>
        <source>Worked example: 6×6 input, 3×3 kernel</source>
        <translation>例题：6×6 输入，3×3 卷积核</translation>
    </message>
    <message>
        <source>Zero padding: 6×6 padded to 8×8 gives a 6×6 map</source>
        <translation>零填充：6×6 填充为 8×8，得到 6×6 特征图</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>{0} cannot be read: {1}</source>
        <translation>无法读取 {0}：{1}</translation>
    </message>
    <message>
        <source>{0} is not a regular file</source>
        <translation>{0} 不是普通文件</translation>
    </message>
    <message>
        <source>Your settings (the window&apos;s place, the language) cannot be read or kept: {0}. The defaults are used for now.</source>
        <translation>无法读取或保留你的设置（窗口位置、语言）：{0}。目前先使用默认值。</translation>
    </message>
    <message>
        <source>A remembered setting ({0}) was damaged, so it was ignored and the default is used.</source>
        <translation>记住的设置（{0}）已损坏，因此忽略它并改用默认值。</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>valid</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>No padding: the window stays inside the input</source>
        <translation>不填充：窗口始终在输入内部</translation>
    </message>
    <message>
        <source>same</source>
        <translation>same</translation>
    </message>
    <message>
        <source>Pad so that the output is as large as the input (stride 1 only)</source>
        <translation>填充到输出与输入一样大（仅限步长 1）</translation>
    </message>
    <message>
        <source>full</source>
        <translation>full</translation>
    </message>
    <message>
        <source>Pad so that every partial overlap counts: d·(f−1) on each side</source>
        <translation>填充到每一处部分重叠都被计入：每侧 d·(f−1)</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Pad with the rings set beside</source>
        <translation>按旁边设置的圈数填充</translation>
    </message>
    <message>
        <source>Padded cells are 0</source>
        <translation>填充的单元格为 0</translation>
    </message>
    <message>
        <source>Padded cells mirror the input, without repeating the edge</source>
        <translation>填充的单元格镜像输入，不重复边缘</translation>
    </message>
    <message>
        <source>Padded cells repeat the nearest edge cell</source>
        <translation>填充的单元格重复最近的边缘单元格</translation>
    </message>
    <message>
        <source>Padded cells wrap around from the other side</source>
        <translation>填充的单元格从另一侧环绕过来</translation>
    </message>
    <message>
        <source>Input channels: {0}</source>
        <translation>输入通道：{0}</translation>
    </message>
    <message>
        <source>RGB</source>
        <translation>RGB</translation>
    </message>
    <message>
        <source>Three channels named R, G and B, like a colour image</source>
        <translation>三个通道，分别命名为 R、G、B，如同彩色图像</translation>
    </message>
    <message>
        <source>Kernels: each makes one output map (channel)</source>
        <translation>卷积核：每个生成一个输出特征图（通道）</translation>
    </message>
    <message>
        <source>Groups: each kernel sees channels/groups channels</source>
        <translation>分组：每个卷积核看到（通道数/分组数）个通道</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Add one number per kernel to its map</source>
        <translation>给每个卷积核的特征图加上一个数</translation>
    </message>
    <message>
        <source>true convolution</source>
        <translation>真卷积</translation>
    </message>
    <message>
        <source>Flip the kernel before sliding it, as mathematics does; deep learning does not (cross-correlation). The equation shows the weights actually used.</source>
        <translation>滑动之前先翻转卷积核，与数学中的定义相同；深度学习不翻转（即互相关）。等式显示实际使用的权重。</translation>
    </message>
    <message>
        <source>Rings of padding above and below</source>
        <translation>上下两侧的填充圈数</translation>
    </message>
    <message>
        <source>Rings of padding left and right</source>
        <translation>左右两侧的填充圈数</translation>
    </message>
    <message>
        <source>How many rows the window moves at each step</source>
        <translation>窗口每一步移动的行数</translation>
    </message>
    <message>
        <source>How many columns the window moves</source>
        <translation>窗口每一步移动的列数</translation>
    </message>
    <message>
        <source>Rows between the kernel&apos;s taps</source>
        <translation>卷积核相邻权重之间相隔的行数</translation>
    </message>
    <message>
        <source>Columns between the kernel&apos;s taps</source>
        <translation>卷积核相邻权重之间相隔的列数</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>Kernels</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>cols</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>Dilation</source>
        <translation>膨胀</translation>
    </message>
    <message>
        <source>Pad with</source>
        <translation>填充方式</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Output size</source>
        <translation>输出尺寸</translation>
    </message>
    <message>
        <source>rows:     </source>
        <translation>行： </translation>
    </message>
    <message>
        <source>columns: </source>
        <translation>列： </translation>
    </message>
    <message>
        <source>Hatched input cells are never used.</source>
        <translation>画斜线的输入单元格从未被用到。</translation>
    </message>
    <message>
        <source>{0}{1} The output stays empty until this is fixed.</source>
        <translation>{0}{1}在修正之前，输出保持为空。</translation>
    </message>
    <message>
        <source>{0} groups do not divide {1} and {2}, so the groups are back to 1. Ctrl+Z undoes this.</source>
        <translation>{0} 个分组无法整除 {1} 和 {2}，因此分组已恢复为 1。Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>&apos;same&apos; padding exists only for stride 1 (as in PyTorch), so the padding is now the {0} &apos;same&apos; added. Ctrl+Z undoes this.</source>
        <translation>&apos;same&apos; 填充只适用于步长 1（与 PyTorch 相同），因此填充已改为 &apos;same&apos; 所加的 {0}。Ctrl+Z 可撤销。</translation>
    </message>
</context>
<context>
    <name>SizeControls</name>
    <message>
        <source>Rows of the {0}: 1 to {1}</source>
        <translation>{0}的行数：1 到 {1}</translation>
    </message>
    <message>
        <source>Columns of the {0}: 1 to {1}</source>
        <translation>{0}的列数：1 到 {1}</translation>
    </message>
</context>
<context>
    <name>TorchPanel</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the code to the clipboard</source>
        <translation>把代码复制到剪贴板</translation>
    </message>
    <message>
        <source># No PyTorch code: the settings are impossible.</source>
        <translation># 没有 PyTorch 代码：这些设置无法成立。</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>The learning rate must be a number above 0, not {0}.</source>
        <extracomment>{0} is what was given: -0.1, 0, nan</extracomment>
        <translation>学习率必须是大于 0 的数，不能是 {0}。</translation>
    </message>
    <message>
        <source>The number of steps must be {0} to {1}, not {2}.</source>
        <extracomment>{0} and {1}: the allowed range (1 and 100000); {2}: what was given</extracomment>
        <translation>步数必须是 {0} 到 {1}，不能是 {2}。</translation>
    </message>
    <message>
        <source>This scene has no target: training needs “target”, the map the last layer should output.</source>
        <translation>此场景没有目标：训练需要“target”，也就是最后一层应当输出的特征图。</translation>
    </message>
    <message>
        <source>At step {0} a weight would pass ±10¹², the largest number the window holds: the run stopped and kept the weights after step {1}. Try a smaller learning rate.</source>
        <extracomment>{0} is the step whose weights were too large, {1} the one before it (kept)</extracomment>
        <translation>第 {0} 步时有权重会超过 ±10¹²，这是窗口能容纳的最大数：训练已停止，保留第 {1} 步之后的权重。请试试较小的学习率。</translation>
    </message>
    <message>
        <source>The loss became too large to compute at step 1: the run stopped and kept the starting weights. Try a smaller learning rate.</source>
        <translation>第 1 步的损失大到无法计算：训练已停止，并保留初始权重。请尝试更小的学习率。</translation>
    </message>
    <message>
        <source>The loss became too large to compute at step {0}: the run stopped and kept the weights after step {1}. Try a smaller learning rate.</source>
        <extracomment>{0} is the step that overflowed, {1} the one before it (whose weights are kept)</extracomment>
        <translation>第 {0} 步的损失大到无法计算：训练已停止，并保留第 {1} 步之后的权重。请尝试更小的学习率。</translation>
    </message>
    <message>
        <source>The momentum must be a number from {1} to {2}, not {0}; it stays {3}.</source>
        <extracomment>{0} is the momentum typed; {1} and {2} the range; {3} the value kept.</extracomment>
        <translation>动量必须是 {1} 到 {2} 之间的数，不能是 {0}；保持为 {3}。</translation>
    </message>
    <message>
        <source>Play takes {0} to {1} training steps at a time, not {2}.</source>
        <translation>播放一次可走 {0} 到 {1} 个训练步，不能是 {2}。</translation>
    </message>
    <message>
        <source>With {0} the output would be {1}, but the target must be the size of the output the current kernels make, {2}: give the kernel the preset&apos;s size first.</source>
        <extracomment>{0} a preset&apos;s name; {1} and {2} shapes such as 1×4×4 (channels×rows×columns)</extracomment>
        <translation>用 {0} 时输出会是 {1}，但目标必须和当前的卷积核算出的输出一样大，也就是 {2}：请先把卷积核调成这个预设的大小。</translation>
    </message>
    <message>
        <source>There is no target to train towards: set the target first (to what the current kernels or a preset produce).</source>
        <translation>没有可以朝它训练的目标：请先设置目标（设为当前卷积核或某个预设卷积核算出的结果）。</translation>
    </message>
    <message>
        <source>This training holds {0} steps, the most it keeps: reset, or edit the kernels to start again.</source>
        <translation>这次训练已有 {0} 步，这是最多能保留的步数：请重置，或修改卷积核以重新开始。</translation>
    </message>
    <message>
        <source>The settings are impossible, so there is no output to train: mend them first.</source>
        <translation>当前的设置无法计算，所以没有输出可以训练：请先修正设置。</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Target T =</source>
        <extracomment>Followed by two buttons: &quot;the current kernels&apos; output&quot;, &quot;a preset&apos;s output&quot;.</extracomment>
        <translation>目标 T =</translation>
    </message>
    <message>
        <source>the current kernels&apos; output</source>
        <translation>当前卷积核的输出</translation>
    </message>
    <message>
        <source>Set the target T to what the current kernels produce</source>
        <translation>把目标 T 设为当前卷积核算出的结果</translation>
    </message>
    <message>
        <source>a preset&apos;s output</source>
        <translation>预设卷积核的输出</translation>
    </message>
    <message>
        <source>Set the target T to what a preset kernel produces (the kernels stay)</source>
        <translation>把目标 T 设为某个预设卷积核算出的结果（卷积核本身不变）</translation>
    </message>
    <message>
        <source>Kernels:</source>
        <translation>卷积核：</translation>
    </message>
    <message>
        <source>Scramble</source>
        <translation>打乱</translation>
    </message>
    <message>
        <source>Random weights in every convolution, as PyTorch starts a layer (rounded to two decimals)</source>
        <translation>每个卷积层都换成随机权重，如同 PyTorch 初始化一层（保留两位小数）</translation>
    </message>
    <message>
        <source>Zero</source>
        <translation>归零</translation>
    </message>
    <message>
        <source>Every weight and bias of every convolution 0</source>
        <translation>每个卷积层的权重和偏置全部设为 0</translation>
    </message>
    <message>
        <source>Learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>η in W ← W − η·dL/dW; type e.g. 1e-6 or 0.000001</source>
        <translation>W ← W − η·dL/dW 中的 η；例如输入 1e-6 或 0.000001</translation>
    </message>
    <message>
        <source>Momentum μ</source>
        <translation>动量 μ</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>v ← μ·v + dL/dW, W ← W − η·v; off: plain descent</source>
        <translation>v ← μ·v + dL/dW，W ← W − η·v；关：最基本的梯度下降</translation>
    </message>
    <message>
        <source>Steps N</source>
        <translation>步数 N</translation>
    </message>
    <message>
        <source>How many training steps Play does</source>
        <translation>按一次播放要走几个训练步</translation>
    </message>
    <message>
        <source>Reset to the starting weights</source>
        <translation>重置为初始权重</translation>
    </message>
    <message>
        <source>The training step before</source>
        <translation>上一个训练步</translation>
    </message>
    <message>
        <source>Play N training steps (Shift+Space)</source>
        <translation>播放 N 个训练步（Shift+空格键）</translation>
    </message>
    <message>
        <source>+1 step</source>
        <translation>+1 步</translation>
    </message>
    <message>
        <source>One training step now</source>
        <translation>立即走一个训练步</translation>
    </message>
    <message>
        <source>The training step after</source>
        <translation>下一个训练步</translation>
    </message>
    <message>
        <source>Target T</source>
        <translation>目标 T</translation>
    </message>
    <message>
        <source>No target yet: set one with the buttons.</source>
        <translation>还没有目标：请用左边的按钮设置。</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>training step</source>
        <translation>训练步</translation>
    </message>
    <message>
        <source>loss L (log scale)</source>
        <translation>损失 L（对数刻度）</translation>
    </message>
    <message>
        <source>Pause (Shift+Space)</source>
        <translation>暂停（Shift+空格键）</translation>
    </message>
    <message>
        <source>Training step {0} of {1}</source>
        <extracomment>{0} is the training step shown, {1} the step the run ends at.</extracomment>
        <translation>第 {0} 个训练步，共 {1} 步</translation>
    </message>
    <message>
        <source>Training step {0}</source>
        <translation>第 {0} 个训练步</translation>
    </message>
</context>
<context>
    <name>TransportBar</name>
    <message>
        <source>First step (Home)</source>
        <translation>第一步（Home）</translation>
    </message>
    <message>
        <source>Previous step (← or PageUp)</source>
        <translation>上一步（← 或 PageUp）</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>播放或暂停（空格键）</translation>
    </message>
    <message>
        <source>Next step (→ or PageDown)</source>
        <translation>下一步（→ 或 PageDown）</translation>
    </message>
    <message>
        <source>Last step (End)</source>
        <translation>最后一步（End）</translation>
    </message>
    <message>
        <source>Drag to any step</source>
        <translation>拖动到任意一步</translation>
    </message>
    <message>
        <source> steps/s</source>
        <translation> 步/秒</translation>
    </message>
    <message>
        <source>Playing speed</source>
        <translation>播放速度</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Step {0} of {1}</source>
        <translation>第 {0} 步，共 {1} 步</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>暂停（空格键）</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>播放（空格键）</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Something went wrong ({0}: {1}). Your numbers are unchanged; Ctrl+Z undoes the last edit.</source>
        <translation>出现了问题（{0}：{1}）。你的数字没有改变；按 Ctrl+Z 可撤销上一次编辑。</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少必需的参数：%s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>需要参数 %s 中的一个</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 一起使用</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>这个选项不接受值 %r</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个值</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>最多只能有一个值</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>至少需要一个值</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>需要 %s 个值</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>需要 %s 个值</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项 %(option)s 不明确，可能是 %(matches)s</translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation>不应出现的选项：%s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选择：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>没有这个命令 %(parser_name)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>can&apos;t open &apos;%(filename)s&apos;: %(error)s</source>
        <translation>无法打开“%(filename)s”：%(error)s</translation>
    </message>
</context>
<context>
    <name>equation_view</name>
    <message>
        <source>Output row {0}, column {1}</source>
        <translation>输出第 {0} 行、第 {1} 列</translation>
    </message>
    <message>
        <source>Output row {0}, column {1} of map {2}</source>
        <translation>特征图 {2} 的输出第 {0} 行、第 {1} 列</translation>
    </message>
    <message>
        <source>Layer {0}, output row {1}, column {2}</source>
        <translation>第 {0} 层，输出第 {1} 行、第 {2} 列</translation>
    </message>
    <message>
        <source>{0} of map {1}</source>
        <translation>{0}（特征图 {1}）</translation>
    </message>
    <message>
        <source>channel {0}:</source>
        <translation>通道 {0}：</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Layer {0}, input channel {1}, row {2}, column {3} = {4}</source>
        <extracomment>{0} the layer&apos;s number, {1} the input channel, {2} {3} the cell, {4} its value.</extracomment>
        <translation>第 {0} 层，输入通道 {1} 第 {2} 行、第 {3} 列 = {4}</translation>
    </message>
    <message>
        <source>Layer {0}, input row {1}, column {2} = {3}</source>
        <extracomment>{0} the layer&apos;s number, {1} {2} the input cell read, {3} its value.</extracomment>
        <translation>第 {0} 层，输入第 {1} 行、第 {2} 列 = {3}</translation>
    </message>
</context>
<context>
    <name>image_window</name>
    <message>
        <source>{0} is not an image that can be read (PNG or JPEG).</source>
        <translation>{0} 不是可读取的图像（PNG 或 JPEG）。</translation>
    </message>
    <message>
        <source>{0} could not be read: {1}.</source>
        <translation>无法读取 {0}：{1}。</translation>
    </message>
</context>
<context>
    <name>settings_panel</name>
    <message>
        <source> Set the kernels to a multiple of {0} first, then the groups.</source>
        <translation>请先把卷积核个数设为 {0} 的倍数，再设置分组。</translation>
    </message>
    <message>
        <source> For the {0} &apos;same&apos; adds at stride 1, choose “a number” and {1}.</source>
        <translation>若要使用 &apos;same&apos; 在步长 1 时添加的 {0}，请选择“数值”并设为 {1}。</translation>
    </message>
    <message>
        <source> With this kernel &apos;same&apos; adds no padding: choose “valid”.</source>
        <translation>用这个卷积核时 &apos;same&apos; 不添加任何填充：请选择“valid”。</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>channels</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>kernel {0} sees {1} {2}</source>
        <translation>卷积核 {0} 读取{1} {2}</translation>
    </message>
    <message>
        <source> (depthwise)</source>
        <translation>（深度卷积）</translation>
    </message>
    <message>
        <source>{0} groups{1}: </source>
        <translation>{0} 个分组{1}：</translation>
    </message>
</context>
</TS>
